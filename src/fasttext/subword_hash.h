// The hash fastText gives a character n-gram (Bojanowski et al. 2017; fastText's
// Dictionary::hash in src/dictionary.cc): 32-bit FNV-1a over the UTF-8 bytes, except that
// each byte is sign-extended before the xor, h = (h ^ uint32_t(int8_t(byte))) * 16777619.
// For ASCII this is plain FNV-1a; for every byte >= 0x80 (all of Hangul, every emoji) it
// differs, and the row an n-gram lands in is only fastText's if the extension is kept.
#pragma once

#include <cstdint>
#include <string_view>

namespace embplay {

std::uint32_t subword_hash(std::string_view bytes) noexcept;

}  // namespace embplay
