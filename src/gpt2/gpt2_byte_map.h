// GPT-2's byte <-> printable character map (bytes_to_unicode in OpenAI's gpt-2 encoder.py).
//
// Byte-level BPE works on bytes, but GPT-2's vocabulary file shows each token as text: every
// byte is drawn as one printable character. The 188 bytes that are printable Latin-1
// ('!'..'~', '¡'..'¬', '®'..'ÿ') stand for themselves; the other 68 (controls, space, DEL,
// U+0080..U+00A0, soft hyphen) are moved, in byte order, to U+0100.. (so ' ' is 'Ġ' U+0120,
// '\n' is 'Ċ' U+010A). Radford et al. 2019, "Language Models are Unsupervised Multitask
// Learners", section 2.2.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace embplay {

// The printable character that stands for `byte`.
char32_t gpt2_byte_to_char(std::uint8_t byte) noexcept;

// The byte that `c` stands for, or -1 if `c` is not one of the 256 printable characters.
int gpt2_char_to_byte(char32_t c) noexcept;

// "Ġhello" for " hello": each byte as its printable character, UTF-8 encoded.
std::string gpt2_bytes_to_printable(std::string_view bytes);
// The same, appended to `out` (no allocation once `out` has grown).
void append_gpt2_printable(std::string& out, std::string_view bytes);

// The inverse; throws std::invalid_argument if a character is not in the map.
std::string gpt2_printable_to_bytes(std::string_view printable);

}  // namespace embplay
