// See gpt2_pretokenizer.h. Each branch below is one alternative of the pattern, tried in the
// pattern's order (the regex engines involved are leftmost-first, not leftmost-longest).
#include "gpt2/gpt2_pretokenizer.h"

#include <array>
#include <limits>
#include <stdexcept>
#include <string>

#include "text/unicode.h"
#include "text/utf8.h"

namespace embplay {
namespace {

// The four character kinds the pattern distinguishes.
enum class Kind : std::uint8_t { Letter, Number, Space, Other };

struct Char {
  Kind kind;
  std::uint8_t length;  // bytes
  bool invalid;         // an ill-formed subpart, read as U+FFFD (an Other)
};

constexpr std::array<Kind, 128> make_ascii_kinds() {
  std::array<Kind, 128> kinds{};
  for (unsigned c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      kinds[c] = Kind::Letter;
    } else if (c >= '0' && c <= '9') {
      kinds[c] = Kind::Number;
    } else if (c == ' ' || (c >= '\t' && c <= '\r')) {
      kinds[c] = Kind::Space;
    } else {
      kinds[c] = Kind::Other;
    }
  }
  return kinds;
}
constexpr std::array<Kind, 128> kAsciiKinds = make_ascii_kinds();

Kind kind_of(char32_t cp) noexcept {
  switch (char_class(cp)) {
    case CharClass::Letter: return Kind::Letter;
    case CharClass::Number: return Kind::Number;
    case CharClass::Space: return Kind::Space;
    default: return Kind::Other;
  }
}

inline Char read_char(std::string_view text, std::size_t pos) noexcept {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return {kAsciiKinds[byte], 1, false};
  const DecodedChar d = decode_utf8(text, pos);
  if (!d.valid) return {Kind::Other, static_cast<std::uint8_t>(d.length), true};
  return {kind_of(d.cp), static_cast<std::uint8_t>(d.length), false};
}

// End of the run of `kind` characters starting at `pos`; sets `invalid` if it read any.
std::size_t run_end(std::string_view text, std::size_t pos, Kind kind, bool& invalid) noexcept {
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {  // ASCII fast path
      if (kAsciiKinds[byte] != kind) break;
      ++pos;
      continue;
    }
    const Char c = read_char(text, pos);
    if (c.kind != kind) break;
    invalid |= c.invalid;
    pos += c.length;
  }
  return pos;
}

// 's 't 're 've 'm 'll 'd at `pos` (which holds an apostrophe): the length, or 0.
std::size_t contraction_length(std::string_view text, std::size_t pos) noexcept {
  const std::size_t left = text.size() - pos;
  if (left < 2) return 0;
  const char a = text[pos + 1];
  if (a == 's' || a == 't' || a == 'm' || a == 'd') return 2;
  if (left < 3) return 0;
  const char b = text[pos + 2];
  if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) return 3;
  return 0;
}

// \s+(?!\S)|\s+ at `pos` (a whitespace character of `first_length` bytes).
std::size_t whitespace_end(std::string_view text, std::size_t pos, std::size_t first_length) noexcept {
  std::size_t last = pos;  // start of the last whitespace character seen
  std::size_t end = pos + first_length;
  while (end < text.size()) {
    const Char c = read_char(text, end);
    if (c.kind != Kind::Space) {
      // Followed by \S: \s+(?!\S) backs off one character, if that leaves at least one.
      return last > pos ? last : end;
    }
    last = end;
    end += c.length;
  }
  return end;  // whitespace up to the end of the text
}

}  // namespace

Gpt2Piece gpt2_next_piece(std::string_view text, std::size_t pos) noexcept {
  const auto start = static_cast<std::uint32_t>(pos);
  bool invalid = false;
  const char first = text[pos];
  if (first == '\'') {
    if (const std::size_t n = contraction_length(text, pos)) return {start, static_cast<std::uint32_t>(pos + n), false};
  }
  const Char c = read_char(text, pos);
  std::size_t end;
  if (first == ' ' && pos + 1 < text.size()) {
    const Char next = read_char(text, pos + 1);
    if (next.kind != Kind::Space) {  //  ?\p{L}+ |  ?\p{N}+ |  ?[^\s\p{L}\p{N}]+ with the space
      invalid = next.invalid;
      end = run_end(text, pos + 1 + next.length, next.kind, invalid);
      return {start, static_cast<std::uint32_t>(end), invalid};
    }
  }
  if (c.kind == Kind::Space) {
    end = whitespace_end(text, pos, c.length);
  } else {  // \p{L}+ | \p{N}+ | [^\s\p{L}\p{N}]+ without a space
    invalid = c.invalid;
    end = run_end(text, pos + c.length, c.kind, invalid);
  }
  return {start, static_cast<std::uint32_t>(end), invalid};
}

void check_gpt2_text_size(std::string_view text) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("text too large: " + std::to_string(text.size()) + " bytes (GPT-2 tokenizer limit is 4 GiB)");
  }
}

std::vector<Gpt2Piece> gpt2_pretokenize(std::string_view text) {
  check_gpt2_text_size(text);
  std::vector<Gpt2Piece> pieces;
  for (std::size_t pos = 0; pos < text.size();) {
    pieces.push_back(gpt2_next_piece(text, pos));
    pos = pieces.back().end;
  }
  return pieces;
}

}  // namespace embplay
