// The char tokenizer mode: one token per Unicode code point.
//
// A multi-byte UTF-8 character is never split: "한" (3 bytes) is one token spanning 3 bytes.
// It is strictly per code point, so 👍🏽 (two code points) gives 👍 and 🏽, and "é" written
// as e + U+0301 gives e and the combining accent: this mode shows what text is made of.
//  * White_Space code points are tokens only with `keep_whitespace`; the token text is the
//    whitespace character itself (" ", "\n", "\t", U+3000...), so the page decides how to show it.
//  * Control characters (Cc that are not White_Space, e.g. NUL) are always dropped.
//  * Format characters (Cf: ZWJ, U+200B, BOM...) are kept: they are part of what the text is made of.
//  * Each ill-formed UTF-8 subpart becomes one token "\uFFFD" spanning the bad bytes, counted in
//    TokenSequence::invalid_utf8().
// With `lowercase`, each token is its simple lowercase (to_lower); spans index the original input.
#pragma once

#include <string_view>

#include "text/tokenizer.h"

namespace embplay {

class CharTokenizer : public Tokenizer {
 public:
  CharTokenizer(bool lowercase, bool keep_whitespace);
  TokenSequence encode(std::string_view text) const override;

 private:
  bool lowercase_;
  bool keep_whitespace_;
};

}  // namespace embplay
