// Tests for src/text/word_tokenizer.h: golden strings "text[start,end)" with byte spans counted by
// hand (Hangul and CJK syllables are 3 bytes in UTF-8, Greek and Cyrillic 2, emoji 4).
#include <string>

#include "test_helpers.h"
#include "text/word_tokenizer.h"

using embplay::TokenSequence;
using embplay::WordTokenizer;
using embplay::test::golden;
using embplay::test::texts;

namespace {

TokenSequence words(std::string_view text) { return WordTokenizer(false).encode(text); }
TokenSequence lower_words(std::string_view text) { return WordTokenizer(true).encode(text); }

}  // namespace

TEST_CASE("word: English sentence", "[tokenizer][word]") {
  CHECK(golden(words("I love playing football.")) == "I[0,1) love[2,6) playing[7,14) football[15,23) .[23,24)");
  CHECK(golden(lower_words("I Love PLAYING")) == "i[0,1) love[2,6) playing[7,14)");
  CHECK(golden(words("a+b=c $5 50%")) == "a[0,1) +[1,2) b[2,3) =[3,4) c[4,5) $[6,7) 5[7,8) 50[9,11) %[11,12)");
  CHECK(golden(words("snake_case well-known")) ==
        "snake[0,5) _[5,6) case[6,10) well[11,15) -[15,16) known[16,21)");
}

TEST_CASE("word: Hangul, CJK and other scripts", "[tokenizer][word]") {
  CHECK(golden(words("나는 축구를 좋아한다.")) == "나는[0,6) 축구를[7,16) 좋아한다[17,29) .[29,30)");
  // No spaces in Chinese: a run of ideographs stays one word (segmenting it needs a dictionary).
  CHECK(golden(words("我爱足球。")) == "我爱足球[0,12) 。[12,15)");
  CHECK(golden(words("Hello, 世界!")) == "Hello[0,5) ,[5,6) 世界[7,13) ![13,14)");
  // Devanagari and Thai words contain combining marks (virama, vowel signs).
  CHECK(golden(words("नमस्ते दुनिया")) == "नमस्ते[0,18) दुनिया[19,37)");
  CHECK(golden(words("ภาษาไทย")) == "ภาษาไทย[0,21)");
  // ZERO WIDTH NON-JOINER inside a Persian word keeps the word together.
  CHECK(golden(words("می‌خواهم")) == "می‌خواهم[0,17)");
}

TEST_CASE("word: lowercasing Latin, Greek and Cyrillic", "[tokenizer][word]") {
  CHECK(golden(lower_words("ΑΘΗΝΑ")) == "αθηνα[0,10)");
  CHECK(golden(lower_words("МОСКВА")) == "москва[0,12)");
  CHECK(golden(lower_words("Ёлка ÉCOLE")) == "ёлка[0,8) école[9,15)");
  // Simple per-code-point mapping: final sigma is not contextual.
  CHECK(texts(lower_words("ΟΔΥΣΣΕΥΣ")) == "οδυσσευσ");
  // The text may change byte length; the span stays on the original bytes.
  CHECK(golden(lower_words("İstanbul")) == "istanbul[0,9)");
  CHECK(golden(lower_words("\u212A")) == "k[0,3)");  // KELVIN SIGN
  CHECK(golden(words("ΑΘΗΝΑ")) == "ΑΘΗΝΑ[0,10)");
}

TEST_CASE("word: numbers stay with letters, punctuation splits them", "[tokenizer][word]") {
  CHECK(golden(words("mp3 2024년 3.14 ١٢٣")) == "mp3[0,3) 2024년[4,11) 3[12,13) .[13,14) 14[14,16) ١٢٣[17,23)");
}

TEST_CASE("word: apostrophes inside words", "[tokenizer][word]") {
  CHECK(golden(words("don't 'quoted' rock’n’roll it's")) ==
        "don't[0,5) '[6,7) quoted[7,13) '[13,14) rock’n’roll[15,30) it's[31,35)");
  CHECK(golden(words("dogs' toys")) == "dogs[0,4) '[4,5) toys[6,10)");
  CHECK(golden(words("don''t")) == "don[0,3) '[3,4) '[4,5) t[5,6)");
  CHECK(golden(words("'")) == "'[0,1)");
  CHECK(golden(words("a'")) == "a[0,1) '[1,2)");
}

TEST_CASE("word: emoji sequences are one token", "[tokenizer][word]") {
  CHECK(golden(words("I 👍🏽 it")) == "I[0,1) 👍🏽[2,10) it[11,13)");  // skin-tone modifier
  CHECK(golden(words("👨‍👩‍👧")) == "👨‍👩‍👧[0,18)");                          // ZWJ sequence: 4+3+4+3+4 bytes
  CHECK(golden(words("🇰🇷🇯🇵")) == "🇰🇷[0,8) 🇯🇵[8,16)");                   // regional-indicator pairs
  CHECK(golden(words("❤️")) == "❤️[0,6)");                                 // + VARIATION SELECTOR-16
  CHECK(golden(words("🏴󠁧󠁢󠁥󠁮󠁧󠁿")) == "🏴󠁧󠁢󠁥󠁮󠁧󠁿[0,28)");                           // tag sequence, 7 code points
  CHECK(golden(words("1️⃣ #️⃣")) == "1️⃣[0,7) #️⃣[8,15)");                       // keycaps
  CHECK(golden(words("😀😀")) == "😀[0,4) 😀[4,8)");
  CHECK(golden(words("ok👍")) == "ok[0,2) 👍[2,6)");
  CHECK(golden(words("!!")) == "![0,1) ![1,2)");
}

TEST_CASE("word: combining marks", "[tokenizer][word]") {
  CHECK(golden(words("e\u0301te")) == "e\u0301te[0,5)");
  CHECK(golden(lower_words("E\u0301")) == "e\u0301[0,3)");
  CHECK(golden(words(" \u0301x")) == "\u0301[1,3) x[3,4)");  // a mark with no base is a token
  CHECK(golden(words(".\u0301")) == ".\u0301[0,3)");
}

TEST_CASE("word: invalid UTF-8 becomes counted U+FFFD tokens", "[tokenizer][word]") {
  SECTION("a byte that cannot start a sequence") {
    const auto t = words("ab\xFF" "cd");
    CHECK(golden(t) == "ab[0,2) \uFFFD[2,3) cd[3,5)");
    CHECK(t.invalid_utf8() == 1);
  }
  SECTION("overlong") {
    const auto t = words("\xC0\xAF");
    CHECK(golden(t) == "\uFFFD[0,1) \uFFFD[1,2)");
    CHECK(t.invalid_utf8() == 2);
  }
  SECTION("surrogate") {
    const auto t = words("x\xED\xA0\x80y");
    CHECK(golden(t) == "x[0,1) \uFFFD[1,2) \uFFFD[2,3) \uFFFD[3,4) y[4,5)");
    CHECK(t.invalid_utf8() == 3);
  }
  SECTION("past U+10FFFF") {
    CHECK(words("\xF4\x90\x80\x80").invalid_utf8() == 4);
  }
  SECTION("truncated") {
    const auto t = lower_words("GO\xE2\x82");
    CHECK(golden(t) == "go[0,2) \uFFFD[2,4)");
    CHECK(t.invalid_utf8() == 1);
    CHECK(golden(words("\xF0\x9F" "ok")) == "\uFFFD[0,2) ok[2,4)");
    CHECK(golden(words("👍\xFF")) == "👍[0,4) \uFFFD[4,5)");
  }
  SECTION("a real U+FFFD is a symbol, not counted") {
    const auto t = words("a\uFFFD");
    CHECK(golden(t) == "a[0,1) \uFFFD[1,4)");
    CHECK(t.invalid_utf8() == 0);
  }
}

TEST_CASE("word: NUL, controls and format characters are dropped", "[tokenizer][word]") {
  CHECK(golden(words(std::string("a\0b", 3))) == "a[0,1) b[2,3)");
  CHECK(golden(words("a\x01\x7F" "b")) == "a[0,1) b[3,4)");
  CHECK(golden(words("a\u200Bb")) == "a[0,1) b[4,5)");     // ZERO WIDTH SPACE
  CHECK(golden(words("\uFEFFhello")) == "hello[3,8)");     // byte order mark
  CHECK(golden(words("co\u00ADop")) == "co[0,2) op[4,6)");  // SOFT HYPHEN
  CHECK(words(" \u200D ").empty());                         // a ZWJ with nothing to join
  CHECK(words(std::string(5, '\0')).empty());
}

TEST_CASE("word: empty, only spaces, only punctuation", "[tokenizer][word]") {
  const auto empty = words("");
  CHECK(empty.empty());
  CHECK(empty.invalid_utf8() == 0);
  CHECK(words("   \t\n\r\u3000\u00A0\u2028").empty());
  CHECK(golden(words("?!...")) == "?[0,1) ![1,2) .[2,3) .[3,4) .[4,5)");
}

TEST_CASE("word: spans index the original text, lowercase or not", "[tokenizer][word]") {
  const std::string text =
      "Der Fluß, ΑΘΗΝΑ und 서울: İSTANBUL's 👍🏽 e\u0301! \xFF 1,000 MÜNCHEN\u200Bx ١٢٣ 🇰🇷.";
  const auto plain = words(text);
  const auto lower = lower_words(text);
  REQUIRE(plain.size() == lower.size());
  REQUIRE(plain.size() > 15);
  for (std::size_t i = 0; i < plain.size(); ++i) {
    INFO("token " << i);
    CHECK(plain.start(i) < plain.end(i));
    if (i) CHECK(plain.end(i - 1) <= plain.start(i));
    CHECK(lower.start(i) == plain.start(i));
    CHECK(lower.end(i) == plain.end(i));
    CHECK_FALSE(plain.continues_word(i));
    if (plain.text(i) != "\uFFFD") CHECK(plain.text(i) == text.substr(plain.start(i), plain.end(i) - plain.start(i)));
  }
  CHECK(plain.invalid_utf8() == 1);
}
