// Test helper: the bytes of a safetensors file from a header text and data bytes, written by
// hand so that malformed headers can be written too.
#pragma once

#include <cstdint>
#include <string>

namespace embplay::test {

inline std::string u64_le(std::uint64_t n) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>((n >> (8 * i)) & 0xFF);
  return out;
}

inline std::string safetensors_bytes(const std::string& header, const std::string& data) {
  return u64_le(header.size()) + header + data;
}

}  // namespace embplay::test
