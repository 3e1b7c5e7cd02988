// See gpt2_byte_map.h.
#include "gpt2/gpt2_byte_map.h"

#include <array>
#include <stdexcept>

#include "text/utf8.h"

namespace embplay {
namespace {

// Bytes drawn as themselves: printable ASCII and printable Latin-1 (soft hyphen excluded).
constexpr bool printable_latin1(unsigned b) noexcept {
  return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
}

struct ByteMap {
  std::array<char32_t, 256> to_char{};
  std::array<std::int16_t, 0x144> to_byte{};  // every mapped character is below U+0144
};

constexpr ByteMap make_byte_map() {
  ByteMap m{};
  for (auto& b : m.to_byte) b = -1;
  char32_t next_moved = 0x100;
  for (unsigned b = 0; b < 256; ++b) {
    const char32_t c = printable_latin1(b) ? static_cast<char32_t>(b) : next_moved++;
    m.to_char[b] = c;
    m.to_byte[c] = static_cast<std::int16_t>(b);
  }
  return m;
}

constexpr ByteMap kByteMap = make_byte_map();

// The UTF-8 encoding of each byte's character (1 or 2 bytes, all below U+0800).
struct Utf8Chars {
  char bytes[256][2];
  std::uint8_t length[256];
};

constexpr Utf8Chars make_utf8_chars() {
  Utf8Chars u{};
  for (unsigned b = 0; b < 256; ++b) {
    const char32_t c = kByteMap.to_char[b];
    if (c < 0x80) {
      u.bytes[b][0] = static_cast<char>(c);
      u.length[b] = 1;
    } else {
      u.bytes[b][0] = static_cast<char>(0xC0 | (c >> 6));
      u.bytes[b][1] = static_cast<char>(0x80 | (c & 0x3F));
      u.length[b] = 2;
    }
  }
  return u;
}

constexpr Utf8Chars kUtf8Chars = make_utf8_chars();

}  // namespace

char32_t gpt2_byte_to_char(std::uint8_t byte) noexcept { return kByteMap.to_char[byte]; }

int gpt2_char_to_byte(char32_t c) noexcept { return c < kByteMap.to_byte.size() ? kByteMap.to_byte[c] : -1; }

void append_gpt2_printable(std::string& out, std::string_view bytes) {
  for (const char c : bytes) {
    const auto b = static_cast<std::uint8_t>(c);
    out.append(kUtf8Chars.bytes[b], kUtf8Chars.length[b]);
  }
}

std::string gpt2_bytes_to_printable(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  append_gpt2_printable(out, bytes);
  return out;
}

std::string gpt2_printable_to_bytes(std::string_view printable) {
  std::string out;
  out.reserve(printable.size());
  for (std::size_t pos = 0; pos < printable.size();) {
    const DecodedChar d = decode_utf8(printable, pos);
    const int byte = d.valid ? gpt2_char_to_byte(d.cp) : -1;
    if (byte < 0) {
      throw std::invalid_argument("not a GPT-2 byte character at byte " + std::to_string(pos) + " of the token text");
    }
    out += static_cast<char>(byte);
    pos += d.length;
  }
  return out;
}

}  // namespace embplay
