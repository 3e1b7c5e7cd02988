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

}  // namespace embplay::fuzz
