// Fuzz target: the word tokenizer (src/text/word_tokenizer.h). Input: any bytes.
// Properties, for lowercase off and on:
//  * spans are non-empty, in order, inside the input and on code-point boundaries;
//  * the bytes between tokens are only what the rules drop: White_Space, controls, format characters;
//  * each ill-formed UTF-8 subpart is a token of its own, "\uFFFD" spanning exactly its bytes, and
//    invalid_utf8() counts them;
//  * a token's text is its span (lowercase off) or the span's simple lowercase, code point by code
//    point (lowercase on); lowercasing changes no span;
//  * words are maximal: a token starting with a letter or number is made of letters, numbers, marks,
//    grapheme extenders and inner apostrophes followed by a letter or number, and the code point
//    right after it could not have continued it.
#include "fuzz_check.h"
#include "text/unicode.h"
#include "text/utf8.h"
#include "text/word_tokenizer.h"

namespace {

using namespace embplay;

bool is_word_start(std::uint8_t props) {
  return class_of(props) == CharClass::Letter || class_of(props) == CharClass::Number;
}
bool is_extender(std::uint8_t props) {
  return class_of(props) == CharClass::Mark || (props & kFlagGraphemeExtend) != 0;
}
bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019'; }

void check_word(std::string_view text, std::uint32_t start, std::uint32_t end) {
  for (std::size_t pos = start; pos < end;) {
    const DecodedChar c = decode_utf8(text, pos);
    FUZZ_CHECK(c.valid);
    const std::uint8_t props = char_props(c.cp);
    if (!is_word_start(props) && !is_extender(props)) {
      FUZZ_CHECK(is_apostrophe(c.cp) && pos != start && pos + c.length < end);
      const DecodedChar next = decode_utf8(text, pos + c.length);
      FUZZ_CHECK(next.valid && is_word_start(char_props(next.cp)));
    }
    pos += c.length;
  }
  if (end == text.size()) return;
  const DecodedChar after = decode_utf8(text, end);
  if (!after.valid) return;
  const std::uint8_t props = char_props(after.cp);
  FUZZ_CHECK(!is_word_start(props) && !is_extender(props));
  if (is_apostrophe(after.cp) && end + after.length < text.size()) {
    const DecodedChar next = decode_utf8(text, end + after.length);
    FUZZ_CHECK(!next.valid || !is_word_start(char_props(next.cp)));
  }
}

void check_gap(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t pos = from; pos < to;) {
    const DecodedChar c = decode_utf8(text, pos);
    FUZZ_CHECK(c.valid);
    const std::uint8_t props = char_props(c.cp);
    const CharClass cls = class_of(props);
    FUZZ_CHECK(cls == CharClass::Space || cls == CharClass::Control || (props & kFlagFormat) != 0);
    pos += c.length;
  }
}

std::string lowered(std::string_view bytes) {
  std::string out;
  for (std::size_t pos = 0; pos < bytes.size();) {
    const DecodedChar c = decode_utf8(bytes, pos);
    append_utf8(out, to_lower(c.cp));
    pos += c.length;
  }
  return out;
}

TokenSequence check(std::string_view text, bool lowercase) {
  const TokenSequence tokens = WordTokenizer(lowercase).encode(text);
  const std::vector<bool> boundary = fuzz::code_point_boundaries(text);
  std::size_t invalid_tokens = 0;
  std::uint32_t previous_end = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::uint32_t start = tokens.start(i), end = tokens.end(i);
    FUZZ_CHECK(previous_end <= start && start < end && end <= text.size());
    FUZZ_CHECK(boundary[start] && boundary[end]);
    check_gap(text, previous_end, start);
    previous_end = end;
    FUZZ_CHECK(!tokens.continues_word(i));
    const std::string_view span = text.substr(start, end - start);
    const DecodedChar first = decode_utf8(text, start);
    if (!first.valid) {
      FUZZ_CHECK(first.length == end - start && tokens.text(i) == "\xEF\xBF\xBD");
      ++invalid_tokens;
      continue;
    }
    FUZZ_CHECK(tokens.text(i) == (lowercase ? lowered(span) : std::string(span)));
    if (is_word_start(char_props(first.cp))) check_word(text, start, end);
  }
  check_gap(text, previous_end, text.size());
  FUZZ_CHECK(invalid_tokens == count_invalid_utf8(text));
  FUZZ_CHECK(tokens.invalid_utf8() == invalid_tokens);
  return tokens;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const TokenSequence plain = check(text, false);
  const TokenSequence lower = check(text, true);
  FUZZ_CHECK(plain.starts() == lower.starts() && plain.ends() == lower.ends());
  return 0;
}
