// See tokenizer.h: the mode names and the factory.
#include "text/tokenizer.h"

#include <stdexcept>
#include <string>

#include "text/bpe_tokenizer.h"
#include "text/char_tokenizer.h"
#include "text/word_tokenizer.h"

namespace embplay {

const std::vector<BpeMerge>& Tokenizer::merges() const {
  static const std::vector<BpeMerge> none;
  return none;
}

TokenizerMode parse_tokenizer_mode(std::string_view name) {
  for (TokenizerMode mode : {TokenizerMode::Word, TokenizerMode::Char, TokenizerMode::Bpe}) {
    if (name == tokenizer_mode_name(mode)) return mode;
  }
  throw std::invalid_argument("unknown tokenizer mode '" + std::string(name) + "' (valid modes: word, char, bpe)");
}

const char* tokenizer_mode_name(TokenizerMode mode) noexcept {
  switch (mode) {
    case TokenizerMode::Word: return "word";
    case TokenizerMode::Char: return "char";
    case TokenizerMode::Bpe: return "bpe";
  }
  return "unknown";
}

std::unique_ptr<Tokenizer> make_tokenizer(const TokenizerOptions& options, std::string_view training_text) {
  if (options.merges < 0 || options.merges > kMaxMerges) {
    throw std::invalid_argument("merges must be between 0 and " + std::to_string(kMaxMerges) + ", got " +
                                std::to_string(options.merges));
  }
  switch (options.mode) {
    case TokenizerMode::Word: return std::make_unique<WordTokenizer>(options.lowercase);
    case TokenizerMode::Char: return std::make_unique<CharTokenizer>(options.lowercase, options.keep_whitespace);
    case TokenizerMode::Bpe: return make_bpe_tokenizer(options, training_text);
  }
  throw std::invalid_argument("unknown tokenizer mode " + std::to_string(static_cast<int>(options.mode)));
}

}  // namespace embplay
