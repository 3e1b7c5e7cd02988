// Unicode character classes and simple lowercasing for the tokenizers.
//
// The tables behind these functions are generated at build time by
// src/unicode/generate_tables.py from Debian's unicode-data package
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
char32_t to_lower(char32_t cp) noexcept;

}  // namespace embplay
