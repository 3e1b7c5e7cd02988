// Tests for wordpiece_basic.h, expectations derived by hand from google-research/bert's
// BasicTokenizer (clean, CJK split, lowercase + strip accents, punctuation split).
#include <catch2/catch.hpp>

#include "text/utf8.h"
#include "text/wordpiece_basic.h"

using namespace embplay;

namespace {

std::string words(std::string_view text, bool uncased = true) {
  std::string out;
  for (const BasicWord& w : bert_basic_tokenize(text, uncased)) {
    if (!out.empty()) out += ' ';
    for (char32_t cp : w.chars) append_utf8(out, cp);
  }
  return out;
}

}  // namespace

TEST_CASE("bert basic: punctuation, lowercase, accents", "[wordpiece]") {
  CHECK(words("Hello, World!") == "hello , world !");
  CHECK(words("Hello, World!", false) == "Hello , World !");
  CHECK(words("H\xC3\xA9llo Caf\xC3\xA9 NA\xC3\x8FVE") == "hello cafe naive");
  CHECK(words("H\xC3\xA9llo", false) == "H\xC3\xA9llo");  // cased: accents kept
  CHECK(words("don't") == "don ' t");
  CHECK(words("$5.00") == "$ 5 . 00");
  CHECK(words("a^b+c`d") == "a ^ b + c ` d");            // ASCII symbols count as punctuation
  CHECK(words("\xE2\x82\xAC" "5") == "\xE2\x82\xAC" "5");  // € (Sc, not ASCII) does not
  CHECK(words("\xC2\xABhi\xC2\xBB x\xE2\x80\x94y") == "\xC2\xAB hi \xC2\xBB x \xE2\x80\x94 y");  // « » — are P*
}

TEST_CASE("bert basic: CJK ideographs alone, Hangul and kana not", "[wordpiece]") {
  CHECK(words("\xE4\xB8\xAD\xE6\x96\x87" "abc") == "\xE4\xB8\xAD \xE6\x96\x87 abc");  // 中文abc
  CHECK(words("\xED\x95\x9C\xEA\xB5\xAD", false) == "\xED\x95\x9C\xEA\xB5\xAD");   // 한국 cased: one word
  // Uncased: one word of jamo, ᄒ ᅡ ᆫ ᄀ ᅮ ᆨ.
  CHECK(words("\xED\x95\x9C\xEA\xB5\xAD") == "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xAE\xE1\x86\xA8");
  CHECK(words("\xE3\x82\xAB\xE3\x82\xBF", false) == "\xE3\x82\xAB\xE3\x82\xBF");  // カタ: one word
}

TEST_CASE("bert basic: whitespace splits, controls and U+FFFD vanish", "[wordpiece]") {
  CHECK(words("a\tb\nc\r\nd") == "a b c d");
  CHECK(words("a\xE3\x80\x80" "b\xC2\xA0" "c\xE2\x80\xA8" "d") == "a b c d");  // ideographic space, NBSP, U+2028
  CHECK(words("a\xE2\x80\x8B" "b") == "ab");      // zero-width space is Cf: removed, not a split
  CHECK(words("a\xC2\xAD" "b") == "ab");          // soft hyphen (Cf)
  CHECK(words("a\x0B" "b\x0C" "c") == "abc");      // VT and FF are controls to BERT
  CHECK(words("a\xFF" "b") == "ab");               // invalid UTF-8 reads as U+FFFD, which is removed
  CHECK(words(std::string("a\0b", 3)) == "ab");
  CHECK(words("  ").empty());
  CHECK(words("").empty());
}

TEST_CASE("bert basic: each character keeps its source span", "[wordpiece]") {
  const auto w = bert_basic_tokenize("x H\xC3\xA9!", true);
  REQUIRE(w.size() == 3);
  CHECK(w[1].chars == U"he");
  CHECK(w[1].starts == std::vector<std::uint32_t>{2, 3});
  CHECK(w[1].ends == std::vector<std::uint32_t>{3, 5});
  CHECK(w[2].starts == std::vector<std::uint32_t>{5});
}
