// See training_tokens.h.
#include "training/training_tokens.h"

#include <stdexcept>
#include <string>

#include "text/unicode.h"
#include "text/utf8.h"

namespace embplay {

namespace {

constexpr TrainingSplit kSplits[] = {TrainingSplit::Whitespace, TrainingSplit::Word, TrainingSplit::Char,
                                     TrainingSplit::Bpe, TrainingSplit::Gpt2};

// True when bytes [start, end) of `text` are whole whitespace code points only.
bool is_whitespace_span(std::string_view text, std::size_t start, std::size_t end) {
  for (std::size_t i = start; i < end;) {
    const DecodedChar c = decode_utf8(text, i);
    if (!c.valid || i + c.length > end || !is_white_space(c.cp)) return false;
    i += c.length;
  }
  return end > start;
}

// The shown form of each token (display_text: "##" for continuing pieces), whitespace skipped.
TokenSequence words_of(const TokenSequence& tokens, std::string_view text) {
  TokenSequence words;
  words.reserve(tokens.size(), tokens.size() * 6);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (is_whitespace_span(text, tokens.start(i), tokens.end(i))) continue;
    words.push(tokens.display_text(i), tokens.start(i), tokens.end(i));
  }
  return words;
}

void check_options(std::string_view text, const TrainingTokenOptions& o) {
  if (o.split == TrainingSplit::Whitespace) {
    throw std::invalid_argument("whitespace splitting needs no tokenizer (TrainingCorpus::from_text)");
  }
  if (o.split == TrainingSplit::Gpt2 && o.lowercase) {
    throw std::invalid_argument("lowercasing does not apply to GPT-2 tokens (GPT-2 is case-sensitive)");
  }
  if (o.split == TrainingSplit::Gpt2 && o.gpt2 == nullptr) {
    throw std::invalid_argument("GPT-2 tokens need GPT-2's vocabulary, which is not loaded");
  }
  const std::size_t invalid = count_invalid_utf8(text);
  if (invalid != 0) {
    throw std::invalid_argument("the corpus is not valid UTF-8: " + std::to_string(invalid) +
                                " invalid byte sequence(s) (convert the file to UTF-8 first)");
  }
}

TokenizerMode tokenizer_mode(TrainingSplit split) {
  switch (split) {
    case TrainingSplit::Char: return TokenizerMode::Char;
    case TrainingSplit::Bpe: return TokenizerMode::Bpe;
    default: return TokenizerMode::Word;
  }
}

}  // namespace

TrainingSplit parse_training_split(std::string_view name) {
  for (TrainingSplit split : kSplits) {
    if (name == training_split_name(split)) return split;
  }
  throw std::invalid_argument("unknown tokenizer '" + std::string(name) + "' (valid: whitespace, word, char, bpe, gpt2)");
}

const char* training_split_name(TrainingSplit split) noexcept {
  switch (split) {
    case TrainingSplit::Whitespace: return "whitespace";
    case TrainingSplit::Word: return "word";
    case TrainingSplit::Char: return "char";
    case TrainingSplit::Bpe: return "bpe";
    case TrainingSplit::Gpt2: return "gpt2";
  }
  return "unknown";
}

TokenSequence training_tokens(std::string_view text, const TrainingTokenOptions& options) {
  check_options(text, options);
  if (options.split == TrainingSplit::Gpt2) return words_of(options.gpt2->encode(text).tokens, text);
  const TokenizerOptions t{tokenizer_mode(options.split), options.lowercase, false, options.merges};
  return words_of(make_tokenizer(t, text)->encode(text), text);
}

TrainingCorpus make_training_corpus(std::string_view text, const TrainingTokenOptions& options, std::uint64_t min_count) {
  if (options.split != TrainingSplit::Whitespace) return TrainingCorpus::from_tokens(training_tokens(text, options), text, min_count);
  if (options.lowercase) throw std::invalid_argument("lowercasing needs a tokenizer mode (word, char or bpe), not whitespace splitting");
  return TrainingCorpus::from_text(text, min_count);
}

}  // namespace embplay
