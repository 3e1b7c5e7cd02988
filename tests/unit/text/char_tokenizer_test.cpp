// Tests for src/text/char_tokenizer.h: one token per code point, byte spans counted by hand.
#include <string>

#include "text/char_tokenizer.h"
#include "test_helpers.h"

using embplay::CharTokenizer;
using embplay::TokenSequence;
using embplay::test::golden;

namespace {

TokenSequence chars(std::string_view text) { return CharTokenizer(false, false).encode(text); }
TokenSequence chars_ws(std::string_view text) { return CharTokenizer(false, true).encode(text); }
TokenSequence lower_chars(std::string_view text) { return CharTokenizer(true, false).encode(text); }

// Code points in valid UTF-8, counted as the bytes that are not continuation bytes.
std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

TEST_CASE("char: multi-byte characters are never split", "[tokenizer][char]") {
  CHECK(golden(chars("héllo")) == "h[0,1) é[1,3) l[3,4) l[4,5) o[5,6)");
  CHECK(golden(chars("나는")) == "나[0,3) 는[3,6)");
  CHECK(golden(chars("我爱")) == "我[0,3) 爱[3,6)");
  CHECK(golden(chars("a.")) == "a[0,1) .[1,2)");
}

TEST_CASE("char: strictly per code point, even inside emoji and accents", "[tokenizer][char]") {
  CHECK(golden(chars("👍🏽")) == "👍[0,4) 🏽[4,8)");
  CHECK(golden(chars("👨‍👩‍👧")) == "👨[0,4) \u200D[4,7) 👩[7,11) \u200D[11,14) 👧[14,18)");
  CHECK(golden(chars("e\u0301")) == "e[0,1) \u0301[1,3)");
  CHECK(golden(chars("\uFEFF")) == "\uFEFF[0,3)");  // format characters are kept
}

TEST_CASE("char: whitespace tokens only when asked", "[tokenizer][char]") {
  CHECK(golden(chars("a b")) == "a[0,1) b[2,3)");
  CHECK(golden(chars_ws("a b")) == "a[0,1)  [1,2) b[2,3)");
  const auto t = chars_ws("a\t\u3000\n");
  REQUIRE(t.size() == 4);
  CHECK(t.text(1) == "\t");
  CHECK(t.text(2) == "\u3000");
  CHECK(t.start(2) == 2);
  CHECK(t.end(2) == 5);
  CHECK(t.text(3) == "\n");
  CHECK(chars("   \n\u3000").empty());
  CHECK(chars_ws("   ").size() == 3);
}

TEST_CASE("char: lowercasing", "[tokenizer][char]") {
  CHECK(golden(lower_chars("ΑΘΗΝΑ")) == "α[0,2) θ[2,4) η[4,6) ν[6,8) α[8,10)");
  CHECK(golden(lower_chars("МОСКВА")) == "м[0,2) о[2,4) с[4,6) к[6,8) в[8,10) а[10,12)");
  CHECK(golden(lower_chars("İA")) == "i[0,2) a[2,3)");
}

TEST_CASE("char: invalid UTF-8, NUL and controls", "[tokenizer][char]") {
  const auto t = chars("a\xFF\xE2\x82" "b");
  CHECK(golden(t) == "a[0,1) \uFFFD[1,2) \uFFFD[2,4) b[4,5)");
  CHECK(t.invalid_utf8() == 2);
  CHECK(chars("\xED\xA0\x80").invalid_utf8() == 3);
  CHECK(golden(chars_ws(std::string("a\0b\x01", 4))) == "a[0,1) b[2,3)");
  CHECK(chars("").empty());
  CHECK(chars("").invalid_utf8() == 0);
  CHECK(golden(chars("?!")) == "?[0,1) ![1,2)");
}

TEST_CASE("char: one token per code point of valid text", "[tokenizer][char]") {
  const std::string text = "Hello, 세계! Ωmega ЖЖ 👨‍👩‍👧 e\u0301 ١٢٣\t\u3000end";
  const auto t = chars_ws(text);
  CHECK(t.size() == code_points(text));
  for (std::size_t i = 0; i < t.size(); ++i) {
    CHECK(t.text(i) == text.substr(t.start(i), t.end(i) - t.start(i)));
    if (i) CHECK(t.end(i - 1) == t.start(i));
  }
}
