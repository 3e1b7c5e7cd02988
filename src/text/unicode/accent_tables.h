// Declarations of the tables src/text/unicode/generate_accent_tables.py writes into
// <build>/generated/accent_tables.cpp. Only src/text/strip_accents.cpp reads them.
//   kMarkRanges: kMarkRangeCount pairs [first, last] of General Category Mn, sorted.
//   kStripKeys: kStripCount sorted code points; the i-th becomes
//   kStripPool[kStripOffsets[i] .. kStripOffsets[i + 1]) (its NFD without Mn characters).
#pragma once

#include <cstddef>
#include <cstdint>

namespace embplay::accent_tables {

extern const std::size_t kMarkRangeCount;
extern const char32_t kMarkRanges[];
extern const std::size_t kStripCount;
extern const char32_t kStripKeys[];
extern const std::uint16_t kStripOffsets[];
extern const char32_t kStripPool[];

}  // namespace embplay::accent_tables
