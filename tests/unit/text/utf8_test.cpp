// Tests for src/text/utf8.h: decoding at the boundaries of Unicode 15 table 3-7, U+FFFD for maximal
// ill-formed subparts (the examples of section 3.9, which WHATWG's TextDecoder follows), encoding.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "text/utf8.h"

using embplay::append_utf8;
using embplay::count_invalid_utf8;
using embplay::decode_utf8;
using embplay::sanitize_utf8;

namespace {

// "cp/len" for each decoding step, "!len" for an ill-formed subpart.
std::string steps(std::string_view text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto c = decode_utf8(text, pos);
    if (!out.empty()) out += ' ';
    if (c.valid) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%X/%u", static_cast<unsigned>(c.cp), c.length);
      out += buf;
    } else {
      REQUIRE(c.cp == embplay::kReplacementChar);
      out += '!' + std::to_string(c.length);
    }
    pos += c.length;
  }
  return out;
}

std::string encode(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

}  // namespace

TEST_CASE("decode well-formed sequences at the boundaries", "[utf8]") {
  CHECK(steps("A") == "41/1");
  CHECK(steps(std::string("\0", 1)) == "0/1");
  CHECK(steps("\x7F") == "7F/1");
  CHECK(steps("\xC2\x80") == "80/2");
  CHECK(steps("\xC3\xA9") == "E9/2");  // é
  CHECK(steps("\xDF\xBF") == "7FF/2");
  CHECK(steps("\xE0\xA0\x80") == "800/3");
  CHECK(steps("\xED\x95\x9C") == "D55C/3");  // 한
  CHECK(steps("\xED\x9F\xBF") == "D7FF/3");  // last before the surrogates
  CHECK(steps("\xEE\x80\x80") == "E000/3");  // first after them
  CHECK(steps("\xEF\xBF\xBD") == "FFFD/3");  // a real U+FFFD is valid
  CHECK(steps("\xEF\xBF\xBF") == "FFFF/3");
  CHECK(steps("\xF0\x90\x80\x80") == "10000/4");
  CHECK(steps("\xF0\x9F\x98\x80") == "1F600/4");  // 😀
  CHECK(steps("\xF4\x8F\xBF\xBF") == "10FFFF/4");
}

TEST_CASE("each maximal ill-formed subpart is one U+FFFD", "[utf8]") {
  SECTION("bytes that never start a sequence") {
    CHECK(steps("\x80") == "!1");
    CHECK(steps("\xBF\x80") == "!1 !1");
    CHECK(steps("\xF5\x80\x80\x80") == "!1 !1 !1 !1");
    CHECK(steps("\xFE\xFF") == "!1 !1");
  }
  SECTION("overlong encodings") {
    CHECK(steps("\xC0\xAF") == "!1 !1");  // '/' as 2 bytes: C0 and C1 are never valid
    CHECK(steps("\xC1\xBF") == "!1 !1");
    CHECK(steps("\xE0\x80\xAF") == "!1 !1 !1");  // E0 needs A0..BF next
    CHECK(steps("\xF0\x80\x80\xAF") == "!1 !1 !1 !1");  // F0 needs 90..BF next
  }
  SECTION("surrogates D800-DFFF") {
    CHECK(steps("\xED\xA0\x80") == "!1 !1 !1");  // D800
    CHECK(steps("\xED\xBF\xBF") == "!1 !1 !1");  // DFFF
    CHECK(steps("\xED\xA0\xBD\xED\xB8\x80") == "!1 !1 !1 !1 !1 !1");  // CESU-8 pair for U+1F600
  }
  SECTION("past U+10FFFF") {
    CHECK(steps("\xF4\x90\x80\x80") == "!1 !1 !1 !1");  // 110000
    CHECK(steps("\xF7\xBF\xBF\xBF") == "!1 !1 !1 !1");
  }
  SECTION("truncated sequences") {
    CHECK(steps("\xC3") == "!1");
    CHECK(steps("\xE2\x82") == "!2");  // first two bytes of €
    CHECK(steps("\xF0\x9F\x98") == "!3");
    CHECK(steps("\xE2\x82" "A") == "!2 41/1");
    CHECK(steps("\xF0\x9F" "A") == "!2 41/1");
    CHECK(steps("\xE2\x82\xE2\x82\xAC") == "!2 20AC/3");
    CHECK(steps("\xC3\xC3\xA9") == "!1 E9/2");
  }
  SECTION("the example of Unicode 15 section 3.9 (U+FFFD substitution of maximal subparts)") {
    // 61 F1 80 80 E1 80 C2 62 80 63 80 BF 64 -> a FFFD FFFD FFFD b FFFD c FFFD FFFD d
    CHECK(sanitize_utf8("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64") ==
          "a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd");
  }
}

TEST_CASE("count_invalid_utf8 and sanitize_utf8", "[utf8]") {
  CHECK(count_invalid_utf8("") == 0);
  CHECK(sanitize_utf8("") == "");
  CHECK(count_invalid_utf8("plain ASCII and 한국어 and 😀") == 0);
  CHECK(sanitize_utf8("plain ASCII and 한국어 and 😀") == "plain ASCII and 한국어 and 😀");
  const std::string nul("a\0b", 3);
  CHECK(count_invalid_utf8(nul) == 0);
  CHECK(sanitize_utf8(nul) == nul);
  CHECK(count_invalid_utf8("\xFF") == 1);
  CHECK(sanitize_utf8("\xFF") == "\uFFFD");
  CHECK(count_invalid_utf8("a\xE2\x82z\xC0\xAF") == 3);
  CHECK(sanitize_utf8("a\xE2\x82z\xC0\xAF") == "a\uFFFDz\uFFFD\uFFFD");

  SECTION("at every alignment after a long ASCII run (the 8-byte fast path)") {
    for (std::size_t prefix = 0; prefix < 20; ++prefix) {
      const std::string ascii(prefix, 'x');
      INFO("prefix " << prefix);
      CHECK(count_invalid_utf8(ascii + "\xE2\x82" + ascii) == 1);
      CHECK(sanitize_utf8(ascii + "\xE2\x82" + ascii) == ascii + "\uFFFD" + ascii);
      CHECK(sanitize_utf8(ascii + "\xE2\x82\xAC") == ascii + "€");
      CHECK(sanitize_utf8(ascii + "\xE2") == ascii + "\uFFFD");
    }
  }
}

TEST_CASE("append_utf8 encodes and replaces what cannot be encoded", "[utf8]") {
  CHECK(encode(U'A') == "A");
  CHECK(encode(0x00E9) == "\xC3\xA9");
  CHECK(encode(0x20AC) == "\xE2\x82\xAC");
  CHECK(encode(0x1F600) == "\xF0\x9F\x98\x80");
  CHECK(encode(0x10FFFF) == "\xF4\x8F\xBF\xBF");
  CHECK(encode(0xD800) == "\xEF\xBF\xBD");
  CHECK(encode(0xDFFF) == "\xEF\xBF\xBD");
  CHECK(encode(0x110000) == "\xEF\xBF\xBD");
  CHECK(encode(0xFFFFFFFF) == "\xEF\xBF\xBD");
}

TEST_CASE("decode_utf8 inverts append_utf8 for every scalar value", "[utf8]") {
  std::string buf;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp == 0xD800) cp = 0xE000;
    buf.clear();
    append_utf8(buf, cp);
    const auto c = decode_utf8(buf, 0);
    if (!c.valid || c.cp != cp || c.length != buf.size()) FAIL("round trip failed at " << std::hex << cp);
  }
  SUCCEED();
}
