// Vocabulary: token counts, min_count, optional max size, ids both ways.
//
// Order is deterministic: count descending, ties broken by first occurrence.
// Id 0 is reserved for "[UNK]"; every out-of-vocabulary token maps to it, and its
// count is the number of token occurrences that were dropped (min_count / max size).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/token_sequence.h"

namespace embplay {

struct VocabularyOptions {
  std::uint64_t min_count = 1;  // keep tokens seen at least this often (>= 1)
  std::size_t max_size = 0;     // at most this many entries including [UNK]; 0 = unlimited
};

// Counts tokens in order of first occurrence; `build` turns the counts into a Vocabulary.
class VocabularyCounter {
 public:
  void add(std::string_view token, std::uint64_t times = 1);
  void add_all(const TokenSequence& tokens);
  std::size_t distinct() const noexcept { return tokens_.size(); }
  std::uint64_t total() const noexcept { return total_; }

 private:
  friend class Vocabulary;
  // Keys view into tokens_ (a deque never moves its elements), so counting a token that is
  // already known allocates nothing.
  std::unordered_map<std::string_view, std::uint32_t> index_;  // token -> position in tokens_
  std::deque<std::string> tokens_;                            // in order of first occurrence
  std::vector<std::uint64_t> counts_;
  std::uint64_t total_ = 0;
};

class Vocabulary {
 public:
  static constexpr std::int32_t kUnkId = 0;
  static constexpr const char* kUnkToken = "[UNK]";

  Vocabulary();  // just [UNK]
  // Throws std::invalid_argument if min_count is 0 or max_size is 1.
  static Vocabulary build(const VocabularyCounter& counter, const VocabularyOptions& options = {});
  static Vocabulary build(const TokenSequence& tokens, const VocabularyOptions& options = {});

  Vocabulary(const Vocabulary& other);
  Vocabulary& operator=(const Vocabulary& other);
  Vocabulary(Vocabulary&&) noexcept = default;
  Vocabulary& operator=(Vocabulary&&) noexcept = default;

  std::size_t size() const noexcept { return tokens_.size(); }  // including [UNK]
  std::int32_t id_of(std::string_view token) const;             // kUnkId if absent
  bool contains(std::string_view token) const { return index_.count(token) != 0; }
  const std::string& token(std::int32_t id) const;              // throws std::out_of_range
  std::uint64_t count(std::int32_t id) const;                   // throws std::out_of_range
  const std::vector<std::uint64_t>& counts() const noexcept { return counts_; }
  std::vector<std::int32_t> encode(const TokenSequence& tokens) const;

 private:
  void rebuild_index();
  std::vector<std::string> tokens_;
  std::vector<std::uint64_t> counts_;
  std::unordered_map<std::string_view, std::int32_t> index_;  // views into tokens_
};

}  // namespace embplay
