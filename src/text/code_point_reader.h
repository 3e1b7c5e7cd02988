// Reading UTF-8 text one code point at a time together with its Unicode props (unicode.h),
// for the tokenizers' hot loops. ASCII bytes are classified through a 128-entry copy of the
// generated tables without decoding; anything else goes through decode_utf8 (one U+FFFD per
// ill-formed subpart, utf8.h) and char_props.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/unicode.h"
#include "text/utf8.h"

namespace embplay {

struct CodePoint {
  char32_t cp;           // U+FFFD when !valid
  std::uint32_t length;  // bytes
  std::uint8_t props;    // char_props(cp); 0 when !valid
  bool valid;
};

// char_props of the 128 ASCII code points.
const std::uint8_t* ascii_char_props() noexcept;

class CodePointReader {
 public:
  explicit CodePointReader(std::string_view text) noexcept : text_(text), ascii_(ascii_char_props()) {}

  std::size_t size() const noexcept { return text_.size(); }
  std::string_view slice(std::size_t start, std::size_t end) const noexcept {
    return text_.substr(start, end - start);
  }

  // The code point starting at byte `pos` (< size()).
  CodePoint at(std::size_t pos) const noexcept {
    const auto byte = static_cast<unsigned char>(text_[pos]);
    if (byte < 0x80) return {byte, 1, ascii_[byte], true};
    const DecodedChar c = decode_utf8(text_, pos);
    return {c.cp, c.length, c.valid ? char_props(c.cp) : std::uint8_t{0}, c.valid};
  }

 private:
  std::string_view text_;
  const std::uint8_t* ascii_;
};

}  // namespace embplay
