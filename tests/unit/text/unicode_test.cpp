// Tests for src/text/unicode.h: classes and lowercasing of known code points, checked against the
// Unicode Standard's charts, plus a full cross-check against UnicodeData.txt and PropList.txt
// parsed here independently of src/text/unicode/generate_tables.py.
#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/unicode.h"

#ifndef EMBPLAY_UNICODE_DATA_DIR
#define EMBPLAY_UNICODE_DATA_DIR "/usr/share/unicode"
#endif

using embplay::CharClass;
using embplay::char_class;
using embplay::char_props;
using embplay::to_lower;

namespace {

struct ClassCase {
  char32_t cp;
  CharClass expected;
};

std::string name(CharClass c) {
  const char* names[] = {"Other", "Letter", "Mark", "Number", "Punctuation", "Symbol", "Space", "Control"};
  return names[static_cast<int>(c)];
}

}  // namespace

TEST_CASE("char_class of known code points", "[unicode]") {
  const ClassCase cases[] = {
      // Letters of several scripts, including code points inside UnicodeData's <..., First>/<..., Last> ranges.
      {U'A', CharClass::Letter}, {U'z', CharClass::Letter}, {0x00E9, CharClass::Letter},   // é
      {0x0391, CharClass::Letter}, {0x043C, CharClass::Letter},                             // Α м
      {0xAC00, CharClass::Letter}, {0xB098, CharClass::Letter}, {0xD7A3, CharClass::Letter}, // 가 나 힣 (Hangul range)
      {0x4E00, CharClass::Letter}, {0x7231, CharClass::Letter}, {0x9FFF, CharClass::Letter}, // CJK range ends
      {0x3400, CharClass::Letter}, {0x20000, CharClass::Letter}, {0x2A6DF, CharClass::Letter},
      {0x31350, CharClass::Letter}, {0x323AF, CharClass::Letter}, {0x17000, CharClass::Letter},  // ext H, Tangut
      {0x3042, CharClass::Letter}, {0x05D0, CharClass::Letter}, {0x0627, CharClass::Letter},     // あ א ا
      {0x02B0, CharClass::Letter}, {0x01C5, CharClass::Letter},                                  // Lm, Lt
      // Numbers: Nd, Nl, No.
      {U'0', CharClass::Number}, {U'9', CharClass::Number}, {0x0661, CharClass::Number},  // ١
      {0x0E51, CharClass::Number}, {0xFF10, CharClass::Number}, {0x2163, CharClass::Number},  // ๑ ０ Ⅳ
      {0x00BD, CharClass::Number}, {0x00B2, CharClass::Number},                               // ½ ²
      // Marks: Mn, Mc, Me.
      {0x0301, CharClass::Mark}, {0x0903, CharClass::Mark}, {0x20DD, CharClass::Mark}, {0xFE0F, CharClass::Mark},
      // Punctuation: Pc Pd Ps Pe Pi Pf Po.
      {U'_', CharClass::Punctuation}, {U'-', CharClass::Punctuation}, {U'(', CharClass::Punctuation},
      {U')', CharClass::Punctuation}, {0x00AB, CharClass::Punctuation}, {0x2019, CharClass::Punctuation},
      {U'.', CharClass::Punctuation}, {U'\'', CharClass::Punctuation}, {0x3002, CharClass::Punctuation},
      {0x00BF, CharClass::Punctuation},
      // Symbols: Sm Sc Sk So.
      {U'+', CharClass::Symbol}, {U'$', CharClass::Symbol}, {U'^', CharClass::Symbol}, {0x20AC, CharClass::Symbol},
      {0x1F44D, CharClass::Symbol}, {0x1F3FD, CharClass::Symbol}, {0x2764, CharClass::Symbol},
      {0xFFFD, CharClass::Symbol},
      // White_Space, whatever the General Category (Zs, Zl, Zp and some Cc).
      {U' ', CharClass::Space}, {U'\t', CharClass::Space}, {U'\n', CharClass::Space}, {U'\r', CharClass::Space},
      {0x000B, CharClass::Space}, {0x000C, CharClass::Space}, {0x0085, CharClass::Space},
      {0x00A0, CharClass::Space}, {0x1680, CharClass::Space}, {0x2000, CharClass::Space},
      {0x200A, CharClass::Space}, {0x2028, CharClass::Space}, {0x2029, CharClass::Space},
      {0x202F, CharClass::Space}, {0x205F, CharClass::Space}, {0x3000, CharClass::Space},
      // Not White_Space: ZERO WIDTH SPACE and MONGOLIAN VOWEL SEPARATOR are Cf.
      {0x200B, CharClass::Other}, {0x180E, CharClass::Other},
      // Controls that are not White_Space.
      {0x0000, CharClass::Control}, {0x0001, CharClass::Control}, {0x001B, CharClass::Control},
      {0x007F, CharClass::Control}, {0x009F, CharClass::Control},
      // Other: Cf, Cs, Co, Cn, and past the code space.
      {0x200D, CharClass::Other}, {0xFEFF, CharClass::Other}, {0x00AD, CharClass::Other},
      {0xD800, CharClass::Other}, {0xDFFF, CharClass::Other}, {0xE000, CharClass::Other},
      {0xF0000, CharClass::Other}, {0x10FFFD, CharClass::Other}, {0x0378, CharClass::Other},
      {0xD7A4, CharClass::Other}, {0x10FFFF, CharClass::Other}, {0x110000, CharClass::Other},
      {0xFFFFFFFF, CharClass::Other},
  };
  for (const auto& c : cases) {
    INFO("U+" << std::hex << std::uppercase << static_cast<std::uint32_t>(c.cp));
    CHECK(name(char_class(c.cp)) == name(c.expected));
  }
}

TEST_CASE("is_letter, is_number and is_white_space follow char_class", "[unicode]") {
  CHECK(embplay::is_letter(0xAC00));
  CHECK_FALSE(embplay::is_letter(U'1'));
  CHECK(embplay::is_number(0x0661));
  CHECK_FALSE(embplay::is_number(U'a'));
  CHECK(embplay::is_white_space(0x3000));
  CHECK_FALSE(embplay::is_white_space(0x200B));
}

TEST_CASE("grapheme flags for emoji sequences", "[unicode]") {
  using namespace embplay;
  CHECK((char_props(kZeroWidthJoiner) & kFlagGraphemeExtend) != 0);
  CHECK((char_props(kZeroWidthJoiner) & kFlagFormat) != 0);
  CHECK((char_props(0x200C) & kFlagGraphemeExtend) != 0);   // ZWNJ
  CHECK((char_props(0xFE0F) & kFlagGraphemeExtend) != 0);   // VARIATION SELECTOR-16
  CHECK((char_props(0x0301) & kFlagGraphemeExtend) != 0);
  CHECK((char_props(0x1F3FD) & kFlagGraphemeExtend) != 0);  // skin tone modifier (Sk, GCB Extend)
  CHECK((char_props(0xE0067) & kFlagGraphemeExtend) != 0);  // TAG LATIN SMALL LETTER G
  CHECK((char_props(0x1F1F0) & kFlagRegionalIndicator) != 0);
  CHECK((char_props(0x1F1E6) & kFlagRegionalIndicator) != 0);
  CHECK((char_props(0x1F468) & kFlagExtendedPictographic) != 0);  // 👨
  CHECK((char_props(0x2764) & kFlagExtendedPictographic) != 0);   // ❤
  CHECK((char_props(0x00A9) & kFlagExtendedPictographic) != 0);   // ©
  CHECK(char_props(U'a') == static_cast<std::uint8_t>(CharClass::Letter));
  CHECK(char_props(U'.') == static_cast<std::uint8_t>(CharClass::Punctuation));
  CHECK((char_props(0xFEFF) & kFlagFormat) != 0);
  CHECK((char_props(0xFEFF) & kFlagGraphemeExtend) == 0);
  CHECK((char_props(U'A') & kFlagExtendedPictographic) == 0);
  CHECK(class_of(char_props(0x1F3FD)) == CharClass::Symbol);
}

TEST_CASE("to_lower of known code points", "[unicode]") {
  const std::pair<char32_t, char32_t> cases[] = {
      {U'A', U'a'}, {U'Z', U'z'}, {U'a', U'a'}, {U'@', U'@'}, {U'[', U'['}, {U'1', U'1'},
      {0x00C9, 0x00E9},   // É é
      {0x0100, 0x0101},   // Ā ā (alternating upper/lower pairs)
      {0x0101, 0x0101},
      {0x0130, U'i'},     // İ -> i (simple mapping; the full one adds U+0307)
      {0x0391, 0x03B1},   // Α α
      {0x0386, 0x03AC},   // Ά ά
      {0x03A3, 0x03C3},   // Σ σ (no final-sigma context)
      {0x03C2, 0x03C2},   // ς stays
      {0x0401, 0x0451},   // Ё ё
      {0x041C, 0x043C},   // М м
      {0x0414, 0x0434},   // Д д
      {0x01C4, 0x01C6},   // Ǆ ǆ
      {0x01C5, 0x01C6},   // ǅ (titlecase) ǆ
      {0x1E9E, 0x00DF},   // ẞ ß
      {0x00DF, 0x00DF},   // ß has no simple lowercase change
      {0x2126, 0x03C9},   // OHM SIGN -> ω
      {0x212A, U'k'},     // KELVIN SIGN -> k
      {0x2160, 0x2170},   // Ⅰ ⅰ (a number with case)
      {0x24B6, 0x24D0},   // Ⓐ ⓐ (a symbol with case)
      {0x1C90, 0x10D0},   // Georgian Mtavruli -> Mkhedruli
      {0xFF21, 0xFF41},   // Ａ ａ
      {0x10400, 0x10428}, // Deseret
      {0x1E900, 0x1E922}, // Adlam
      {0xAC00, 0xAC00},   // Hangul has no case
      {0x110000, 0x110000},
  };
  for (const auto& [cp, lower] : cases) {
    INFO("U+" << std::hex << std::uppercase << static_cast<std::uint32_t>(cp));
    CHECK(static_cast<std::uint32_t>(to_lower(cp)) == static_cast<std::uint32_t>(lower));
  }
}

TEST_CASE("to_lower keeps the class and is idempotent over the whole code space", "[unicode]") {
  std::size_t changed = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    const char32_t lower = to_lower(cp);
    if (lower == cp) continue;
    ++changed;
    INFO("U+" << std::hex << std::uppercase << static_cast<std::uint32_t>(cp));
    REQUIRE(char_class(lower) == char_class(cp));
    REQUIRE(to_lower(lower) == lower);
  }
  CHECK(changed > 1400);  // Unicode 15 has 1433 simple lowercase mappings
}

namespace {

// Independent reading of the UCD files: category and lowercase per code point.
struct Ucd {
  std::vector<std::string> category = std::vector<std::string>(0x110000, "Cn");
  std::vector<char32_t> lower = std::vector<char32_t>(0x110000, 0);
  std::vector<bool> white_space = std::vector<bool>(0x110000, false);
};

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string f; std::getline(in, f, sep);) fields.push_back(f);
  if (!line.empty() && line.back() == sep) fields.emplace_back();
  return fields;
}

bool read_ucd(Ucd& ucd) {
  std::ifstream data(EMBPLAY_UNICODE_DATA_DIR "/UnicodeData.txt");
  std::ifstream props(EMBPLAY_UNICODE_DATA_DIR "/PropList.txt");
  if (!data || !props) return false;
  char32_t range_start = 0;
  for (std::string line; std::getline(data, line);) {
    const auto f = split(line, ';');
    const auto cp = static_cast<char32_t>(std::stoul(f[0], nullptr, 16));
    if (f[1].find(", First>") != std::string::npos) {
      range_start = cp;
      continue;
    }
    const char32_t first = f[1].find(", Last>") != std::string::npos ? range_start : cp;
    for (char32_t c = first; c <= cp; ++c) ucd.category[c] = f[2];
    if (!f[13].empty()) ucd.lower[cp] = static_cast<char32_t>(std::stoul(f[13], nullptr, 16));
  }
  for (std::string line; std::getline(props, line);) {
    if (line.find("; White_Space") == std::string::npos || line[0] == '#') continue;
    const std::string range = line.substr(0, line.find(' '));
    const auto dots = range.find("..");
    const auto first = std::stoul(range.substr(0, dots), nullptr, 16);
    const auto last = dots == std::string::npos ? first : std::stoul(range.substr(dots + 2), nullptr, 16);
    for (auto c = first; c <= last; ++c) ucd.white_space[c] = true;
  }
  return true;
}

CharClass expected_class(const Ucd& ucd, char32_t cp) {
  if (ucd.white_space[cp]) return CharClass::Space;
  const char major = ucd.category[cp][0];
  if (ucd.category[cp] == "Cc") return CharClass::Control;
  switch (major) {
    case 'L': return CharClass::Letter;
    case 'M': return CharClass::Mark;
    case 'N': return CharClass::Number;
    case 'P': return CharClass::Punctuation;
    case 'S': return CharClass::Symbol;
    default: return CharClass::Other;  // Z* are all White_Space; Cf Cs Co Cn
  }
}

}  // namespace

TEST_CASE("tables agree with UnicodeData.txt and PropList.txt for every code point", "[unicode]") {
  Ucd ucd;
  // The build generated the tables from these very files, so they must be there.
  REQUIRE(read_ucd(ucd));
  std::size_t mismatches = 0;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    const char32_t lower = ucd.lower[cp] ? ucd.lower[cp] : cp;
    const bool same = char_class(cp) == expected_class(ucd, cp) && to_lower(cp) == lower &&
                      ((char_props(cp) & embplay::kFlagFormat) != 0) == (ucd.category[cp] == "Cf");
    if (!same && ++mismatches <= 5) FAIL_CHECK("mismatch at U+" << std::hex << std::uppercase << cp);
  }
  CHECK(mismatches == 0);
}
