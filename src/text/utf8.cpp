// See utf8.h. Well-formed sequences are those of Unicode 15, table 3-7; the second byte's
// range depends on the lead byte (E0: A0..BF rules out overlongs, ED: 80..9F rules out
// surrogates, F0: 90..BF overlongs, F4: 80..8F code points past U+10FFFF).
#include "text/utf8.h"

#include <cstring>

namespace embplay {
namespace {

DecodedChar ill_formed(std::size_t length) noexcept {
  return {kReplacementChar, static_cast<std::uint32_t>(length), false};
}

// True if the 8 bytes at `p` are all ASCII.
bool ascii8(const char* p) noexcept {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ull) == 0;
}

}  // namespace

DecodedChar decode_utf8(std::string_view text, std::size_t pos) noexcept {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1, true};
  std::uint32_t trail;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the next byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    trail = 1;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    trail = 2;
    cp = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    trail = 3;
    cp = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    return ill_formed(1);  // 80..C1 (continuation or overlong lead) and F5..FF never start a sequence
  }
  std::size_t i = pos + 1;
  for (std::uint32_t k = 0; k < trail; ++k, ++i) {
    // The maximal subpart ends before the first byte that cannot continue the sequence.
    if (i >= text.size()) return ill_formed(i - pos);
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < lo || b > hi) return ill_formed(i - pos);
    cp = (cp << 6) | (b & 0x3F);
    lo = 0x80;
    hi = 0xBF;
  }
  return {cp, trail + 1, true};
}

void append_utf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementChar;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    const char bytes[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(bytes, 2);
  } else if (cp < 0x10000) {
    const char bytes[3] = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(bytes, 3);
  } else {
    const char bytes[4] = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                           static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(bytes, 4);
  }
}

std::size_t count_invalid_utf8(std::string_view text) noexcept {
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (pos + 8 <= text.size() && ascii8(text.data() + pos)) {
      pos += 8;
      continue;
    }
    const DecodedChar c = decode_utf8(text, pos);
    count += c.valid ? 0 : 1;
    pos += c.length;
  }
  return count;
}

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;  // text[copied, pos) is valid and not yet appended
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (pos + 8 <= text.size() && ascii8(text.data() + pos)) {
      pos += 8;
      continue;
    }
    const DecodedChar c = decode_utf8(text, pos);
    if (!c.valid) {
      out.append(text.data() + copied, pos - copied);
      append_utf8(out, kReplacementChar);
      copied = pos + c.length;
    }
    pos += c.length;
  }
  out.append(text.data() + copied, pos - copied);
  return out;
}

}  // namespace embplay
