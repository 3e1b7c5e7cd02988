// One tokenizer interface, several modes (word, char, bpe).
//
// `make_tokenizer` builds the tokenizer for a mode; BPE learns its merges from the
// training text it is given (usually the same text the user pasted).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/token_sequence.h"

namespace embplay {

enum class TokenizerMode { Word, Char, Bpe };

struct TokenizerOptions {
  TokenizerMode mode = TokenizerMode::Word;
  bool lowercase = false;        // Unicode simple lowercase before anything else
  bool keep_whitespace = false;  // char mode: emit whitespace code points as tokens
  int merges = 200;              // bpe: number of merges to learn (0 .. kMaxMerges)
};

inline constexpr int kMaxMerges = 100000;

// One learned BPE merge: `left` + `right` -> `left right` joined, seen `count` times.
struct BpeMerge {
  std::string left;
  std::string right;
  std::uint64_t count;
};

class Tokenizer {
 public:
  virtual ~Tokenizer() = default;
  virtual TokenSequence encode(std::string_view text) const = 0;
  // Learned merges in the order they apply (empty for modes without merges).
  virtual const std::vector<BpeMerge>& merges() const;
};

// "word" | "char" | "bpe"; throws std::invalid_argument naming the valid modes.
TokenizerMode parse_tokenizer_mode(std::string_view name);
const char* tokenizer_mode_name(TokenizerMode mode) noexcept;

// Throws std::invalid_argument for options out of range (e.g. merges < 0 or > kMaxMerges).
std::unique_ptr<Tokenizer> make_tokenizer(const TokenizerOptions& options, std::string_view training_text);

}  // namespace embplay
