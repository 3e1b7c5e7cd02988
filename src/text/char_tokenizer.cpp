// See char_tokenizer.h.
#include "text/char_tokenizer.h"

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "text/code_point_reader.h"
#include "text/unicode.h"
#include "text/utf8.h"

namespace embplay {
namespace {

// Code points in `text` if it is valid UTF-8 (an upper bound otherwise): bytes that are not
// continuation bytes. One cheap pass, so the token arrays are allocated once.
std::size_t count_lead_bytes(std::string_view text) noexcept {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

CharTokenizer::CharTokenizer(bool lowercase, bool keep_whitespace)
    : lowercase_(lowercase), keep_whitespace_(keep_whitespace) {}

TokenSequence CharTokenizer::encode(std::string_view text) const {
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("text is too long: " + std::to_string(text.size()) + " bytes (the limit is 4 GiB)");
  }
  TokenSequence out;
  out.reserve(count_lead_bytes(text), text.size());
  std::string lowered;
  std::size_t invalid = 0;
  const CodePointReader reader(text);
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint c = reader.at(pos);
    const auto start = static_cast<std::uint32_t>(pos);
    pos += c.length;
    if (!c.valid) {
      out.push("\xEF\xBF\xBD", start, static_cast<std::uint32_t>(pos));  // U+FFFD
      ++invalid;
      continue;
    }
    const CharClass cls = class_of(c.props);
    if (cls == CharClass::Control || (cls == CharClass::Space && !keep_whitespace_)) continue;
    std::string_view token = text.substr(start, c.length);
    if (lowercase_ && (c.props & kFlagHasLowercase)) {
      lowered.clear();
      append_utf8(lowered, to_lower(c.cp));
      token = lowered;
    }
    out.push(token, start, static_cast<std::uint32_t>(pos));
  }
  out.set_invalid_utf8(invalid);
  return out;
}

}  // namespace embplay
