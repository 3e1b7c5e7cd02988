// NFD without nonspacing marks, one code point at a time; see strip_accents.h.
#include "text/strip_accents.h"

#include <algorithm>

#include "text/unicode/accent_tables.h"

namespace embplay {

namespace {

namespace t = accent_tables;

// Hangul syllable decomposition, Unicode 15 section 3.12.
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount, kSCount = 19 * kNCount;

bool append_hangul(std::u32string& out, char32_t cp) {
  if (cp < kSBase || cp >= kSBase + kSCount) return false;
  const char32_t s = cp - kSBase;
  out += kLBase + s / kNCount;
  out += kVBase + (s % kNCount) / kTCount;
  if (s % kTCount != 0) out += kTBase + s % kTCount;
  return true;
}

}  // namespace

bool is_nonspacing_mark(char32_t cp) noexcept {
  // Ranges are stored flat as first, last, first, last, ...: find the last range starting <= cp.
  std::size_t lo = 0, hi = t::kMarkRangeCount;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (t::kMarkRanges[2 * mid] <= cp) lo = mid + 1; else hi = mid;
  }
  return lo > 0 && cp <= t::kMarkRanges[2 * (lo - 1) + 1];
}

void append_without_accents(std::u32string& out, char32_t cp) {
  if (cp < 0x80) {
    out += cp;
    return;
  }
  if (append_hangul(out, cp) || is_nonspacing_mark(cp)) return;
  const char32_t* end = t::kStripKeys + t::kStripCount;
  const char32_t* it = std::lower_bound(t::kStripKeys, end, cp);
  if (it == end || *it != cp) {
    out += cp;
    return;
  }
  const auto i = static_cast<std::size_t>(it - t::kStripKeys);
  out.append(t::kStripPool + t::kStripOffsets[i], t::kStripPool + t::kStripOffsets[i + 1]);
}

}  // namespace embplay
