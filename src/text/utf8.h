// UTF-8 decoding with U+FFFD replacement, and encoding.
//
// Invalid input never throws: each maximal ill-formed subpart (Unicode 15, section 3.9,
// "U+FFFD substitution of maximal subparts", the policy WHATWG's TextDecoder uses) decodes
// as one U+FFFD, so byte spans stay exact and the count of replacements can be reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace embplay {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct DecodedChar {
  char32_t cp;          // the code point, or U+FFFD for an ill-formed sequence
  std::uint32_t length; // bytes consumed (>= 1 whenever pos < text.size())
  bool valid;           // false when the bytes were ill-formed
};

// Decodes the code point starting at byte `pos` (< text.size()).
DecodedChar decode_utf8(std::string_view text, std::size_t pos) noexcept;

// Appends the UTF-8 encoding of `cp` (U+FFFD for surrogates or values past U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

// Number of ill-formed subparts in `text` (each would decode as one U+FFFD).
std::size_t count_invalid_utf8(std::string_view text) noexcept;

// `text` with each ill-formed subpart replaced by U+FFFD.
std::string sanitize_utf8(std::string_view text);

}  // namespace embplay
