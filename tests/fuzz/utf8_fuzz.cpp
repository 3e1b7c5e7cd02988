// Fuzz target: UTF-8 decoding (src/text/utf8.h) and CodePointReader (src/text/code_point_reader.h).
// Properties, for any bytes:
//  * decode_utf8 agrees with an independent decoder written from the Unicode Standard's table of
//    well-formed byte sequences (Unicode 15, table 3-7) and its "maximal subpart" rule (section 3.9):
//    same code point, same length, same validity; steps tile the input in order;
//  * a valid step re-encodes (append_utf8) to exactly its bytes: shortest form, no surrogates;
//  * CodePointReader::at gives the same step with char_props of the code point (0 when invalid);
//  * count_invalid_utf8 counts the invalid steps; sanitize_utf8 is the input with each replaced by
//    U+FFFD, is itself valid, and is the input unchanged when the input is valid.
#include "fuzz_check.h"
#include "text/code_point_reader.h"
#include "text/unicode.h"
#include "text/utf8.h"

namespace {

using embplay::DecodedChar;

// Table 3-7: the allowed range of the second byte depends on the first; later bytes are 80..BF.
DecodedChar reference_decode(std::string_view text, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) return {b0, 1, true};
  unsigned lo = 0x80, hi = 0xBF, trailing = 0;
  char32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    trailing = 1, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    trailing = 2, cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    trailing = 3, cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {embplay::kReplacementChar, 1, false};
  }
  for (unsigned i = 1; i <= trailing; ++i) {
    if (pos + i >= text.size()) return {embplay::kReplacementChar, i, false};
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if (b < lo || b > hi) return {embplay::kReplacementChar, i, false};
    cp = (cp << 6) | (b & 0x3F);
    lo = 0x80, hi = 0xBF;
  }
  return {cp, trailing + 1, true};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace embplay;
  const std::string_view text = fuzz::as_text(data, size);
  const CodePointReader reader(text);
  std::size_t invalid = 0;
  std::string replaced;
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedChar c = decode_utf8(text, pos);
    const DecodedChar r = reference_decode(text, pos);
    FUZZ_CHECK(c.cp == r.cp && c.length == r.length && c.valid == r.valid);
    FUZZ_CHECK(c.length >= 1 && c.length <= 4 && pos + c.length <= text.size());
    const CodePoint p = reader.at(pos);
    FUZZ_CHECK(p.cp == c.cp && p.length == c.length && p.valid == c.valid);
    FUZZ_CHECK(p.props == (c.valid ? char_props(c.cp) : 0));
    if (c.valid) {
      FUZZ_CHECK(c.cp <= 0x10FFFF && (c.cp < 0xD800 || c.cp > 0xDFFF));
      std::string encoded;
      append_utf8(encoded, c.cp);
      FUZZ_CHECK(encoded == text.substr(pos, c.length));
      replaced.append(text.substr(pos, c.length));
    } else {
      FUZZ_CHECK(c.cp == kReplacementChar);
      ++invalid;
      replaced.append("\xEF\xBF\xBD");
    }
    pos += c.length;
  }
  FUZZ_CHECK(count_invalid_utf8(text) == invalid);
  const std::string clean = sanitize_utf8(text);
  FUZZ_CHECK(clean == replaced);
  FUZZ_CHECK(count_invalid_utf8(clean) == 0);
  if (invalid == 0) FUZZ_CHECK(clean == text);
  return 0;
}
