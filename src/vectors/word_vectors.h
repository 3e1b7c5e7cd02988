// Trained word vectors: a list of words and one row per word (row-major), with lookup by
// word. What the trainer produces, what word2vec files hold, what neighbours and
// analogies search.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "transformer/embedding_table.h"

namespace embplay {

class WordVectors {
 public:
  // Throws std::invalid_argument when the row count differs from the word count, when
  // there are no words or no columns, or when a word is repeated or empty or contains whitespace.
  WordVectors(std::vector<std::string> words, RowMatrix vectors);

  WordVectors(const WordVectors& other);
  WordVectors& operator=(const WordVectors& other);
  WordVectors(WordVectors&&) noexcept = default;
  WordVectors& operator=(WordVectors&&) noexcept = default;

  std::size_t size() const noexcept { return words_.size(); }
  std::size_t dim() const noexcept { return static_cast<std::size_t>(vectors_.cols()); }
  const std::vector<std::string>& words() const noexcept { return words_; }
  const std::string& word(std::size_t i) const { return words_.at(i); }
  const RowMatrix& vectors() const noexcept { return vectors_; }
  // Row index of `word`, or -1.
  long index_of(std::string_view word) const;

 private:
  void build_index();
  std::vector<std::string> words_;
  RowMatrix vectors_;
  std::unordered_map<std::string_view, long> index_;  // views into words_
};

}  // namespace embplay
