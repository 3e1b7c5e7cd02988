// BERT's basic tokenizer, the step before WordPiece (Devlin et al. 2019; the published
// algorithm is BasicTokenizer in google-research/bert tokenization.py, which Hugging Face's
// BertTokenizer follows):
//   1. clean: drop U+0000, U+FFFD (and so invalid UTF-8) and control/format characters
//      (General Category C*, except tab, newline, carriage return); whitespace (those three,
//      space, Z*) separates words;
//   2. every CJK ideograph (the CJK Unified Ideographs blocks and compatibility ideographs;
//      not Hangul, kana) becomes a word of its own;
//   3. uncased models: lowercase, then strip accents (strip_accents.h);
//   4. every punctuation character (General Category P*, and ASCII !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~)
//      becomes a word of its own.
// Each code point of a word keeps the byte span of the source character it came from.
// Known differences from transformers: lowercasing is Unicode's simple mapping (no final
// sigma), special tokens such as "[CLS]" in the text are tokenised as text, and recent
// transformers versions' NFC step before splitting is not applied (it changes nothing for
// uncased models).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace embplay {

struct BasicWord {
  std::u32string chars;
  std::vector<std::uint32_t> starts;  // per code point: the source character's byte span
  std::vector<std::uint32_t> ends;
};

// Throws std::invalid_argument for texts of 4 GiB or more.
std::vector<BasicWord> bert_basic_tokenize(std::string_view text, bool uncased);

// The predicates of steps 1, 2 and 4.
bool is_bert_whitespace(char32_t cp) noexcept;
bool is_bert_removed(char32_t cp) noexcept;
bool is_cjk_ideograph(char32_t cp) noexcept;
bool is_bert_punctuation(char32_t cp) noexcept;

}  // namespace embplay
