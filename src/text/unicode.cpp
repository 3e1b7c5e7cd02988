// See unicode.h. The tables come from src/text/unicode/generate_tables.py (unicode_tables.h).
#include "text/unicode.h"

#include <algorithm>

#include "text/unicode/unicode_tables.h"

namespace embplay {

namespace tables = unicode_tables;

std::uint8_t char_props(char32_t cp) noexcept {
  if (cp >= tables::kPropsLimit) return 0;
  const unsigned shift = tables::kBlockShift;
  const std::size_t block = tables::kPropsIndex[cp >> shift];
  return tables::kPropsBlocks[(block << shift) + (cp & ((char32_t{1} << shift) - 1))];
}

CharClass char_class(char32_t cp) noexcept { return class_of(char_props(cp)); }

char32_t to_lower(char32_t cp) noexcept {
  if (cp < 0x80) return (cp - U'A' < 26u) ? cp + 32 : cp;  // ASCII fast path
  if ((char_props(cp) & kFlagHasLowercase) == 0) return cp;  // most code points: one table lookup
  // The last run whose first code point is <= cp (keys sort by first code point).
  const std::uint32_t key = (static_cast<std::uint32_t>(cp) << 11) | 0x7FFu;
  const std::uint32_t* keys_end = tables::kLowerRunKeys + tables::kLowerRunCount;
  const std::uint32_t* it = std::upper_bound(tables::kLowerRunKeys, keys_end, key);
  if (it == tables::kLowerRunKeys) return cp;
  const std::size_t run = static_cast<std::size_t>(it - tables::kLowerRunKeys) - 1;
  const std::uint32_t packed = tables::kLowerRunKeys[run];
  const char32_t first = packed >> 11;
  const char32_t count = ((packed >> 1) & 0x3FF) + 1;
  const char32_t stride = (packed & 1) + 1;
  const char32_t offset = cp - first;
  if (offset % stride != 0 || offset / stride >= count) return cp;
  return static_cast<char32_t>(static_cast<std::int64_t>(cp) + tables::kLowerRunDeltas[run]);
}

}  // namespace embplay
