// A WordPiece vocabulary as BERT ships it: vocab.txt, one token per line, the line number is
// the id ("[PAD]" 0, ..., "[UNK]" 100, ... in bert-base-uncased's 30,522 lines); a piece that
// continues a word is written with "##" ("##ing").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace embplay {

class WordPieceVocab {
 public:
  // Lines end in "\n" or "\r\n"; a last line without one counts. Throws std::invalid_argument
  // naming the line for an empty or repeated token, invalid UTF-8, a file without "[UNK]",
  // or an empty file.
  explicit WordPieceVocab(std::string_view vocab_txt);

  WordPieceVocab(const WordPieceVocab& other);
  WordPieceVocab& operator=(const WordPieceVocab&) = delete;
  WordPieceVocab(WordPieceVocab&&) noexcept = default;

  std::size_t size() const noexcept { return tokens_.size(); }
  const std::vector<std::string>& tokens() const noexcept { return tokens_; }
  const std::string& token(std::int32_t id) const { return tokens_.at(static_cast<std::size_t>(id)); }
  // The id of `token` as written in vocab.txt ("##ing" for a continuation), or -1.
  std::int32_t id_of(std::string_view token) const noexcept;
  std::int32_t unk_id() const noexcept { return unk_; }
  // True when no token outside [brackets] has an uppercase letter: an uncased model's vocabulary.
  bool looks_uncased() const noexcept;

 private:
  void build_index();
  std::vector<std::string> tokens_;
  std::unordered_map<std::string_view, std::int32_t> index_;  // views into tokens_
  std::int32_t unk_ = -1;
};

}  // namespace embplay
