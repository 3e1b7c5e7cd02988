// Accent stripping as BERT's uncased tokenizer does it (Devlin et al. 2019; Hugging Face's
// BasicTokenizer._run_strip_accents): Unicode canonical decomposition (NFD, UAX #15) and then
// every nonspacing mark (General Category Mn) dropped, so "é" -> "e", "ñ" -> "n", "Å" -> "A",
// and Hangul syllables fall apart into their jamo ("한" -> U+1112 U+1161 U+11AB), which is
// what bert-base-uncased really does to Korean. Tables generated from Debian's unicode-data
// (src/text/unicode/generate_accent_tables.py).
#pragma once

#include <string>

namespace embplay {

// Appends what `cp` becomes: nothing for a nonspacing mark, its decomposition without marks
// for a decomposable character, itself otherwise.
void append_without_accents(std::u32string& out, char32_t cp);

// True for General Category Mn.
bool is_nonspacing_mark(char32_t cp) noexcept;

}  // namespace embplay
