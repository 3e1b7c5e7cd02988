// See word_tokenizer.h.
#include "text/word_tokenizer.h"

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "text/code_point_reader.h"
#include "text/unicode.h"
#include "text/utf8.h"

namespace embplay {
namespace {

bool starts_word(std::uint8_t props) noexcept {
  const CharClass c = class_of(props);
  return c == CharClass::Letter || c == CharClass::Number;
}

// Marks and grapheme extenders (ZWJ, ZWNJ, variation selectors, skin tones, tags).
bool extends(std::uint8_t props) noexcept {
  return (props & kFlagGraphemeExtend) != 0 || class_of(props) == CharClass::Mark;
}

// White_Space, controls and format characters separate tokens and are dropped.
bool is_dropped(std::uint8_t props) noexcept {
  const CharClass c = class_of(props);
  return c == CharClass::Space || c == CharClass::Control || (props & kFlagFormat) != 0;
}

bool is_apostrophe(char32_t cp) noexcept { return cp == U'\'' || cp == U'\u2019'; }

// Where a token ends, and the union of its code points' props (to skip lowercasing when
// nothing in it has a lowercase form).
struct TokenEnd {
  std::size_t pos;
  std::uint8_t props;
};

// End of the word starting with `first` (a letter or number) at `pos`.
TokenEnd word_end(const CodePointReader& s, std::size_t pos, const CodePoint& first) {
  std::uint8_t props = first.props;
  pos += first.length;
  while (pos < s.size()) {
    const CodePoint c = s.at(pos);
    if (!c.valid) break;
    if (starts_word(c.props) || extends(c.props)) {
      props |= c.props;
      pos += c.length;
      continue;
    }
    if (!is_apostrophe(c.cp) || pos + c.length >= s.size()) break;
    const CodePoint next = s.at(pos + c.length);
    if (!next.valid || !starts_word(next.props)) break;
    props |= next.props;
    pos += c.length + next.length;
  }
  return {pos, props};
}

// End of the one-character token starting with `first` at `pos`, with what continues it.
TokenEnd symbol_end(const CodePointReader& s, std::size_t pos, const CodePoint& first) {
  std::uint8_t props = first.props;
  bool open_flag = (first.props & kFlagRegionalIndicator) != 0;  // 🇰 waits for its 🇷
  pos += first.length;
  while (pos < s.size()) {
    const CodePoint c = s.at(pos);
    if (!c.valid) break;
    if (open_flag && (c.props & kFlagRegionalIndicator)) {
      pos += c.length;
      open_flag = false;
      continue;
    }
    if (!extends(c.props)) break;
    props |= c.props;
    pos += c.length;
    open_flag = false;
    if (c.cp != kZeroWidthJoiner || pos >= s.size()) continue;
    const CodePoint joined = s.at(pos);  // 👨 ZWJ 👩: the pictograph after a ZWJ joins
    if (!joined.valid || (joined.props & kFlagExtendedPictographic) == 0) continue;
    props |= joined.props;
    pos += joined.length;
  }
  return {pos, props};
}

// Appends the simple lowercase of the valid UTF-8 `text` to `out`.
void append_lower(std::string& out, std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      out += static_cast<char>(static_cast<unsigned>(byte - 'A') < 26u ? byte + 32 : byte);
      ++pos;
      continue;
    }
    const DecodedChar c = decode_utf8(text, pos);
    append_utf8(out, to_lower(c.cp));
    pos += c.length;
  }
}

}  // namespace

WordTokenizer::WordTokenizer(bool lowercase) : lowercase_(lowercase) {}

TokenSequence WordTokenizer::encode(std::string_view text) const {
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("text is too long: " + std::to_string(text.size()) + " bytes (the limit is 4 GiB)");
  }
  const CodePointReader s(text);
  TokenSequence out;
  out.reserve(text.size() / 6 + 1, text.size());
  std::string lowered;
  std::size_t invalid = 0;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const CodePoint c = s.at(pos);
    const auto start = static_cast<std::uint32_t>(pos);
    if (!c.valid) {
      pos += c.length;
      out.push("\xEF\xBF\xBD", start, static_cast<std::uint32_t>(pos));  // U+FFFD
      ++invalid;
      continue;
    }
    if (is_dropped(c.props)) {
      pos += c.length;
      continue;
    }
    const TokenEnd end = starts_word(c.props) ? word_end(s, pos, c) : symbol_end(s, pos, c);
    pos = end.pos;
    std::string_view token = s.slice(start, pos);
    if (lowercase_ && (end.props & kFlagHasLowercase)) {
      lowered.clear();
      append_lower(lowered, token);
      token = lowered;
    }
    out.push(token, start, static_cast<std::uint32_t>(pos));
  }
  out.set_invalid_utf8(invalid);
  return out;
}

}  // namespace embplay
