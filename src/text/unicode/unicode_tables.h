// Declarations of the Unicode tables that src/text/unicode/generate_tables.py writes into
// <build>/generated/unicode_tables.cpp. Only src/text/unicode.cpp reads them.
//
// Props: one byte per code point, CharClass in bits 0-2 plus the kFlag* bits of unicode.h,
// as a two-stage table (CPython's unicodedata layout): for cp < kPropsLimit,
//   props(cp) = kPropsBlocks[(kPropsIndex[cp >> kBlockShift] << kBlockShift) + (cp & block mask)]
// and props(cp) = 0 (Other, no flags) from kPropsLimit on (unassigned and private use).
// The generator picks the block size (kBlockShift) that makes the tables smallest.
//
// Lowercase: runs sorted by first code point. kLowerRunKeys[i] packs
//   first << 11 | (count - 1) << 1 | (stride - 1)
// meaning first, first + stride, ... (count code points, stride 1 or 2) lower to cp + kLowerRunDeltas[i].
#pragma once

#include <cstddef>
#include <cstdint>

namespace embplay::unicode_tables {

using PropsIndexEntry = std::uint8_t;  // the generator checks there are at most 256 distinct blocks

extern const unsigned kBlockShift;
extern const char32_t kPropsLimit;
extern const PropsIndexEntry kPropsIndex[];
extern const std::uint8_t kPropsBlocks[];

extern const std::size_t kLowerRunCount;
extern const std::uint32_t kLowerRunKeys[];
extern const std::int32_t kLowerRunDeltas[];

}  // namespace embplay::unicode_tables
