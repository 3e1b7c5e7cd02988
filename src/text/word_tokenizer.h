// The word tokenizer mode: Unicode-aware words, numbers and punctuation.
//
// Rules, by the classes of src/text/unicode.h (generated from Debian's unicode-data):
//  * A word is a run of letters and numbers of any script (Latin, Hangul, CJK, Cyrillic,
//    Arabic digits...), together with the marks and other grapheme extenders (Mn, Mc, Me,
//    ZWJ, ZWNJ, variation selectors) that follow them: "café" with a combining accent is one
//    word. Letters and digits are not split from each other ("mp3", "2024년").
//  * Apostrophes: an apostrophe (U+0027 ' or U+2019 ’) inside a word and directly followed
//    by a letter or number stays in the word: "don't", "l'amour", "O’Neil" are one token
//    each; a leading or trailing one is punctuation ("'quoted'" -> ' quoted ').
//  * Every other punctuation or symbol code point is a token of its own ("football." ->
//    football .), but the code points that continue it as one user-perceived character stay
//    attached (UAX #29 grapheme clusters, simplified): marks, variation selectors, emoji
//    skin-tone modifiers and tags, a ZWJ followed by another pictograph, and the second
//    regional indicator of a flag. So 👍🏽, 👨‍👩‍👧, ❤️ and 🇰🇷 are one token each. Unassigned
//    and private-use code points are treated as symbols; a mark with no base is a token.
//  * White_Space, control characters (Cc, including NUL) and invisible format characters
//    (Cf such as U+200B ZERO WIDTH SPACE, U+FEFF BOM, U+00AD SOFT HYPHEN, bidi controls)
//    separate tokens and are dropped.
//  * Each ill-formed UTF-8 subpart becomes its own token "\uFFFD" spanning the bad bytes, and
//    is counted in TokenSequence::invalid_utf8().
//
// Token text is the source text, per code point lowercased with the simple mapping when
// `lowercase` is set (so a token may differ in byte length from its span); start/end are
// byte offsets into the ORIGINAL input. Throughput: ASCII is classified through a 128-entry
// table without decoding, and token texts are appended straight into the TokenSequence.
#pragma once

#include <string_view>

#include "text/tokenizer.h"

namespace embplay {

class WordTokenizer : public Tokenizer {
 public:
  explicit WordTokenizer(bool lowercase);
  TokenSequence encode(std::string_view text) const override;

 private:
  bool lowercase_;
};

}  // namespace embplay
