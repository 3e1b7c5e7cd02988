// Shared by the libFuzzer targets of tests/fuzz: a property check that aborts (libFuzzer then keeps
// the input as a crash file), and small helpers over the fuzz input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.h"

// Aborts with the failed property and where it is when `cond` is false. Always on (not assert).
#define FUZZ_CHECK(cond)                                                                        \
  do {                                                                                          \
    if (!(cond)) {                                                                              \
      std::fprintf(stderr, "fuzz property failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);   \
      std::abort();                                                                             \
    }                                                                                           \
  } while (0)

namespace embplay::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Byte offsets where the code points of `text` start (decode_utf8's steps), plus text.size().
inline std::vector<bool> code_point_boundaries(std::string_view text) {
  std::vector<bool> boundary(text.size() + 1, false);
  for (std::size_t pos = 0; pos < text.size(); pos += decode_utf8(text, pos).length) boundary[pos] = true;
  boundary[text.size()] = true;
  return boundary;
}

// The code points of `text` as decode_utf8 reads them (U+FFFD for each ill-formed subpart).
inline std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedChar c = decode_utf8(text, pos);
    out.push_back(c.cp);
    pos += c.length;
  }
  return out;
}

// True when a message is one printable line: valid UTF-8 without C0 or C1 control characters,
// DEL, U+2028 or U+2029 (what a CLI's one stderr line and the page's message need).
inline bool is_one_printable_line(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedChar c = decode_utf8(text, pos);
    if (!c.valid || c.cp < 0x20 || (c.cp >= 0x7F && c.cp <= 0x9F) || c.cp == 0x2028 || c.cp == 0x2029) return false;
    pos += c.length;
  }
  return true;
}

// Runs `read`; a refusal must be an `Error` (a std::invalid_argument type; any other exception
// escapes and libFuzzer reports it) with a non-empty message on one printable line. Returns the
// message, or "" when `read` succeeded.
template <class Error, class Read>
std::string refusal_of(const Read& read) {
  try {
    read();
    return "";
  } catch (const Error& e) {
    const std::string message = e.what();
    if (!is_one_printable_line(message)) std::fprintf(stderr, "message: %s\n", message.c_str());
    FUZZ_CHECK(!message.empty() && is_one_printable_line(message));
    return message;
  }
}

}  // namespace embplay::fuzz
