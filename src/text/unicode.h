// Unicode character classes and simple lowercasing for the tokenizers.
//
// The tables behind these functions are generated at build time by
// src/text/unicode/generate_tables.py from Debian's unicode-data package
// (/usr/share/unicode/UnicodeData.txt and PropList.txt): no hand-typed ranges, no ICU.
#pragma once

#include <cstdint>

namespace embplay {

// Coarse class of a code point, from its General Category.
enum class CharClass : std::uint8_t {
  Other,        // Cn (unassigned), Co (private use), Cs (surrogates), Cf (format) except as noted
  Letter,       // Lu Ll Lt Lm Lo
  Mark,         // Mn Mc Me
  Number,       // Nd Nl No
  Punctuation,  // Pc Pd Ps Pe Pi Pf Po
  Symbol,       // Sm Sc Sk So
  Space,        // code points with the White_Space property (PropList.txt)
  Control,      // Cc that are not White_Space
};

CharClass char_class(char32_t cp) noexcept;
inline bool is_letter(char32_t cp) noexcept { return char_class(cp) == CharClass::Letter; }
inline bool is_number(char32_t cp) noexcept { return char_class(cp) == CharClass::Number; }
// The White_Space property (what regex engines mean by \s).
inline bool is_white_space(char32_t cp) noexcept { return char_class(cp) == CharClass::Space; }

// Simple (one-to-one) lowercase mapping from UnicodeData.txt field 13; identity if none.
// (Context-free: final sigma stays σ, and no one-to-many mappings from SpecialCasing.txt.)
char32_t to_lower(char32_t cp) noexcept;

// Everything the tables know about a code point in one lookup, for the tokenizers' hot
// loops: the CharClass in the low bits, whether lowercasing changes it, and flags that keep
// user-perceived characters together (a symbol with its variation selector, 👍🏽, 👨‍👩‍👧, 🇰🇷). The flags come from
// auxiliary/GraphemeBreakProperty.txt (UAX #29) and emoji/emoji-data.txt (UTS #51) of the
// same unicode-data package.
inline constexpr std::uint8_t kCharClassMask = 0x07;
inline constexpr std::uint8_t kFlagFormat = 0x08;                // General Category Cf
inline constexpr std::uint8_t kFlagGraphemeExtend = 0x10;        // Grapheme_Cluster_Break Extend, SpacingMark or ZWJ
inline constexpr std::uint8_t kFlagRegionalIndicator = 0x20;     // Grapheme_Cluster_Break Regional_Indicator
inline constexpr std::uint8_t kFlagExtendedPictographic = 0x40;  // Extended_Pictographic (emoji)
inline constexpr std::uint8_t kFlagHasLowercase = 0x80;          // to_lower(cp) != cp
inline constexpr char32_t kZeroWidthJoiner = 0x200D;

std::uint8_t char_props(char32_t cp) noexcept;
inline CharClass class_of(std::uint8_t props) noexcept { return static_cast<CharClass>(props & kCharClassMask); }

}  // namespace embplay
