// Fuzz target: the char tokenizer (src/text/char_tokenizer.h). Input: any bytes.
// Properties, for each of lowercase and keep_whitespace off and on: the tokens are exactly the code
// points of the input that the rules keep, in order, one token per code point spanning its bytes
// (every valid code point except controls, and White_Space only with keep_whitespace; every
// ill-formed subpart as "\uFFFD"), each token's text the code point or its simple lowercase, and
// invalid_utf8() the number of ill-formed subparts.
#include "fuzz_check.h"
#include "text/char_tokenizer.h"
#include "text/unicode.h"
#include "text/utf8.h"

namespace {

using namespace embplay;

void check(std::string_view text, bool lowercase, bool keep_whitespace) {
  const TokenSequence tokens = CharTokenizer(lowercase, keep_whitespace).encode(text);
  std::size_t i = 0;
  std::size_t invalid = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedChar c = decode_utf8(text, pos);
    const CharClass cls = char_class(c.cp);
    const bool kept = !c.valid || !(cls == CharClass::Control || (cls == CharClass::Space && !keep_whitespace));
    if (kept) {
      FUZZ_CHECK(i < tokens.size());
      FUZZ_CHECK(tokens.start(i) == pos && tokens.end(i) == pos + c.length);
      FUZZ_CHECK(!tokens.continues_word(i));
      std::string expected;
      append_utf8(expected, !c.valid ? kReplacementChar : lowercase ? to_lower(c.cp) : c.cp);
      FUZZ_CHECK(tokens.text(i) == expected);
      ++i;
    }
    invalid += !c.valid;
    pos += c.length;
  }
  FUZZ_CHECK(i == tokens.size());
  FUZZ_CHECK(tokens.invalid_utf8() == invalid);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  for (int flags = 0; flags < 4; ++flags) check(text, flags & 1, flags & 2);
  return 0;
}
