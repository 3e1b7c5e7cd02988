// Tests for gpt2_pretokenizer.h. Each golden split was worked out by hand from GPT-2's
// pattern  's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
// (leftmost-first alternation; the comment says which alternative decides).
#include <catch2/catch.hpp>
#include <string>

#include "gpt2/gpt2_pretokenizer.h"

using namespace embplay;

namespace {

// Pieces joined by '|'; checks that they tile the text.
std::string split(std::string_view text) {
  std::string out;
  std::uint32_t expected_start = 0;
  for (const Gpt2Piece& p : gpt2_pretokenize(text)) {
    REQUIRE(p.start == expected_start);
    REQUIRE(p.end > p.start);
    expected_start = p.end;
    if (!out.empty()) out += '|';
    out.append(text.substr(p.start, p.end - p.start));
  }
  REQUIRE(expected_start == text.size());
  return out;
}

}  // namespace

TEST_CASE("words keep one leading space", "[gpt2][pretokenizer]") {
  CHECK(split("Hello world") == "Hello| world");
  CHECK(split(" Hello") == " Hello");
  CHECK(split("") == "");
  CHECK(split("a") == "a");
}

TEST_CASE("contractions are pieces only at the start of a piece", "[gpt2][pretokenizer]") {
  CHECK(split("I'm here") == "I|'m| here");
  CHECK(split("don't") == "don|'t");
  CHECK(split("they're we've you'll he'd it's") == "they|'re| we|'ve| you|'ll| he|'d| it|'s");
  CHECK(split("'ll've'd") == "'ll|'ve|'d");
  CHECK(split("'res") == "'re|s");             // 're, then a letter run
  CHECK(split("x'dy") == "x|'d|y");
  CHECK(split("'S") == "'|S");                 // case-sensitive: ' is an "other" run
  CHECK(split("'s'S") == "'s|'|S");
  CHECK(split("''s") == "''|s");               // the other-run swallows both apostrophes
  CHECK(split(" 's") == " '|s");               // space + other-run wins before any contraction
  CHECK(split("!'s") == "!'|s");
  CHECK(split("'") == "'");
  CHECK(split("'l") == "'|l");                 // 'l is not 'll
  CHECK(split("\xE2\x80\x99s") == "\xE2\x80\x99|s");  // ’s: only the ASCII apostrophe counts
}

TEST_CASE("numbers, letters and other characters form separate runs", "[gpt2][pretokenizer]") {
  CHECK(split("abc123def") == "abc|123|def");
  CHECK(split(" 2024 x") == " 2024| x");
  CHECK(split("3.14") == "3|.|14");
  CHECK(split("1,000,000") == "1|,|000|,|000");
  CHECK(split("Hello!!! ...") == "Hello|!!!| ...");
  CHECK(split("a+=b") == "a|+=|b");
  CHECK(split("foo() {}") == "foo|()| {}");
  CHECK(split("x\xC2\xB2") == "x|\xC2\xB2");                 // ² is No: a number
  CHECK(split("\xE2\x85\xAB th") == "\xE2\x85\xAB| th");     // Ⅻ is Nl: a number
  CHECK(split("e\xCC\x81t") == "e|\xCC\x81|t");              // a combining mark is "other"
}

TEST_CASE("letters of any script", "[gpt2][pretokenizer]") {
  CHECK(split("na\xC3\xAFve caf\xC3\xA9") == "na\xC3\xAFve| caf\xC3\xA9");  // naïve café
  // 안녕하세요 세계
  CHECK(split("\xEC\x95\x88\xEB\x85\x95\xED\x95\x98\xEC\x84\xB8\xEC\x9A\x94 \xEC\x84\xB8\xEA\xB3\x84") ==
        "\xEC\x95\x88\xEB\x85\x95\xED\x95\x98\xEC\x84\xB8\xEC\x9A\x94| \xEC\x84\xB8\xEA\xB3\x84");
  // こんにちは、世界: the ideographic comma is punctuation
  CHECK(split("\xE3\x81\x93\xE3\x82\x93\xE3\x81\xAB\xE3\x81\xA1\xE3\x81\xAF\xE3\x80\x81\xE4\xB8\x96\xE7\x95\x8C") ==
        "\xE3\x81\x93\xE3\x82\x93\xE3\x81\xAB\xE3\x81\xA1\xE3\x81\xAF|\xE3\x80\x81|\xE4\xB8\x96\xE7\x95\x8C");
  // hi 👋🏽!: emoji, skin-tone modifier and ! are all "other"
  CHECK(split("hi \xF0\x9F\x91\x8B\xF0\x9F\x8F\xBD!") == "hi| \xF0\x9F\x91\x8B\xF0\x9F\x8F\xBD!");
}

TEST_CASE("a whitespace run before a non-space leaves its last character", "[gpt2][pretokenizer]") {
  CHECK(split("x  y") == "x| | y");           // \s+(?!\S) takes one space, " y" keeps the other
  CHECK(split("a   b") == "a|  | b");
  CHECK(split("a\n\nb") == "a|\n|\n|b");      // a lone \n before b is \s+ on its own
  CHECK(split("a \n b") == "a| \n| b");
  CHECK(split("a\r\nb") == "a|\r|\n|b");
  CHECK(split("\tx") == "\t|x");
  CHECK(split("\t\tx") == "\t|\t|x");
  CHECK(split("  x") == " | x");
}

TEST_CASE("whitespace at the end of the text is one piece", "[gpt2][pretokenizer]") {
  CHECK(split("a  ") == "a|  ");
  CHECK(split("   ") == "   ");
  CHECK(split("a\n") == "a|\n");
  CHECK(split("a \n\t ") == "a| \n\t ");
}

TEST_CASE("non-ASCII whitespace is \\s (the White_Space property)", "[gpt2][pretokenizer]") {
  CHECK(split("a\xE3\x80\x80" "b") == "a|\xE3\x80\x80|b");   // U+3000 ideographic space
  CHECK(split("a \xC2\xA0" "b") == "a| |\xC2\xA0|b");        // U+00A0 is not the literal space
  CHECK(split(" \xC2\x85" "abc") == " |\xC2\x85|abc");        // U+0085 is White_Space (as in tiktoken)
  CHECK(split(" \xEF\xBB\xBF" "abc") == " \xEF\xBB\xBF|abc"); // U+FEFF is not (it is Cf: "other")
  CHECK(split("x\xE2\x80\xA8\xE2\x80\xA8y") == "x|\xE2\x80\xA8|\xE2\x80\xA8|y");  // U+2028
}

TEST_CASE("NUL and control characters are ordinary \"other\" characters", "[gpt2][pretokenizer]") {
  CHECK(split(std::string("a\0b", 3)) == std::string("a|\0|b", 5));
  CHECK(split(std::string(" \0\x01x", 4)) == std::string(" \0\x01|x", 5));
}

TEST_CASE("invalid UTF-8: each ill-formed subpart is one U+FFFD, an other character", "[gpt2][pretokenizer]") {
  CHECK(split("a\xFF" "b") == "a|\xFF|b");
  CHECK(split(" \xFF\xFE!x") == " \xFF\xFE!|x");
  CHECK(split("ab\xE2\x82") == "ab|\xE2\x82");              // truncated sequence at the end
  CHECK(split("\xE2\x82 x") == "\xE2\x82| x");
  CHECK(split("caf\xC3") == "caf|\xC3");
  const auto pieces = gpt2_pretokenize("a\xFF" "b");
  REQUIRE(pieces.size() == 3);
  CHECK_FALSE(pieces[0].invalid_utf8);
  CHECK(pieces[1].invalid_utf8);
  CHECK_FALSE(pieces[2].invalid_utf8);
  CHECK(gpt2_pretokenize(" \xED\xA0\x80")[0].invalid_utf8);  // an encoded surrogate
}

TEST_CASE("a huge word is one piece", "[gpt2][pretokenizer]") {
  const std::string word(100000, 'a');
  CHECK(split(word) == word);
  const std::string spaces = std::string(100000, ' ') + "x";
  const auto pieces = gpt2_pretokenize(spaces);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0].end == 99999);
}
