// Tests for strip_accents.h: NFD without nonspacing marks, checked against characters whose
// decompositions are in the Unicode charts (written out by hand here).
#include <catch2/catch.hpp>

#include "text/strip_accents.h"

using namespace embplay;

namespace {

std::u32string strip(std::u32string text) {
  std::u32string out;
  for (char32_t cp : text) append_without_accents(out, cp);
  return out;
}

}  // namespace

TEST_CASE("strip accents: Latin, Greek, Cyrillic letters lose their marks", "[wordpiece]") {
  CHECK(strip(U"caf\u00E9") == U"cafe");              // é = e + U+0301
  CHECK(strip(U"na\u00EFve") == U"naive");            // ï = i + U+0308
  CHECK(strip(U"\u00C5ngstr\u00F6m") == U"Angstrom"); // Å, ö
  CHECK(strip(U"\u212B") == U"A");                    // ANGSTROM SIGN -> Å -> A + ring (two steps)
  CHECK(strip(U"\u1E69") == U"s");                    // ṩ = s + dot below + dot above
  CHECK(strip(U"\u0390") == U"\u03B9");               // ΐ = ι + diaeresis + tonos
  CHECK(strip(U"\u0439") == U"\u0438");               // й = и + breve
  CHECK(strip(U"e\u0301") == U"e");                   // an already decomposed accent is dropped
  CHECK(strip(U"\u00E6\u00F8\u00DF") == U"\u00E6\u00F8\u00DF");  // æ ø ß have no decomposition: kept
  CHECK(is_nonspacing_mark(0x0301));
  CHECK(is_nonspacing_mark(0x0300));
  CHECK(is_nonspacing_mark(0x036F));
  CHECK_FALSE(is_nonspacing_mark(0x0370));
  CHECK_FALSE(is_nonspacing_mark('a'));
}

TEST_CASE("strip accents: Hangul syllables fall apart into jamo, CJK compatibility ideographs unify", "[wordpiece]") {
  CHECK(strip(U"\uD55C") == U"\u1112\u1161\u11AB");   // 한 = ᄒ ᅡ ᆫ
  CHECK(strip(U"\uAC00") == U"\u1100\u1161");         // 가 = ᄀ ᅡ (no final consonant)
  CHECK(strip(U"\uD7A3") == U"\u1112\u1175\u11C2");   // 힣, the last syllable
  CHECK(strip(U"\uF900") == U"\u8C48");               // CJK COMPATIBILITY IDEOGRAPH-F900 -> 豈
  CHECK(strip(U"\u4E2D") == U"\u4E2D");               // 中 unchanged
  CHECK(strip(U"\u30AC") == U"\u30AB");               // ガ = カ + voiced mark (Mn)
}
