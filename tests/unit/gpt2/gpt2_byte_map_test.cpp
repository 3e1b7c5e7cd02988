// Tests for gpt2_byte_map.h against GPT-2's bytes_to_unicode table.
#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>

#include "gpt2/gpt2_byte_map.h"

using namespace embplay;

TEST_CASE("printable bytes stand for themselves", "[gpt2][byte_map]") {
  CHECK(gpt2_byte_to_char('!') == U'!');
  CHECK(gpt2_byte_to_char('~') == U'~');
  CHECK(gpt2_byte_to_char('A') == U'A');
  CHECK(gpt2_byte_to_char(0xA1) == U'\u00A1');
  CHECK(gpt2_byte_to_char(0xAC) == U'\u00AC');
  CHECK(gpt2_byte_to_char(0xAE) == U'\u00AE');
  CHECK(gpt2_byte_to_char(0xFF) == U'\u00FF');
}

TEST_CASE("the other 68 bytes move to U+0100.. in byte order", "[gpt2][byte_map]") {
  CHECK(gpt2_byte_to_char(0x00) == U'\u0100');  // Ā
  CHECK(gpt2_byte_to_char('\n') == U'\u010A');  // Ċ
  CHECK(gpt2_byte_to_char(' ') == U'\u0120');   // Ġ
  CHECK(gpt2_byte_to_char(0x7F) == U'\u0121');  // ġ
  CHECK(gpt2_byte_to_char(0x80) == U'\u0122');  // Ģ
  CHECK(gpt2_byte_to_char(0xA0) == U'\u0142');  // ł
  CHECK(gpt2_byte_to_char(0xAD) == U'\u0143');  // Ń (soft hyphen)
}

TEST_CASE("the byte map is a bijection with an inverse", "[gpt2][byte_map]") {
  std::set<char32_t> chars;
  for (int b = 0; b < 256; ++b) {
    const char32_t c = gpt2_byte_to_char(static_cast<std::uint8_t>(b));
    chars.insert(c);
    CHECK(gpt2_char_to_byte(c) == b);
  }
  CHECK(chars.size() == 256);
  CHECK(gpt2_char_to_byte(U' ') == -1);
  CHECK(gpt2_char_to_byte(U'\u0144') == -1);
  CHECK(gpt2_char_to_byte(U'\u00AD') == -1);
}

TEST_CASE("token bytes as GPT-2's vocabulary file writes them", "[gpt2][byte_map]") {
  CHECK(gpt2_bytes_to_printable(" hello") == "\xC4\xA0hello");          // Ġhello
  CHECK(gpt2_bytes_to_printable("\n\n") == "\xC4\x8A\xC4\x8A");        // ĊĊ
  CHECK(gpt2_bytes_to_printable("\xE2\x80\x99") == "\xC3\xA2\xC4\xA2\xC4\xBB");  // ’ is âĢĻ
  CHECK(gpt2_bytes_to_printable(std::string("\0", 1)) == "\xC4\x80");  // Ā
  CHECK(gpt2_bytes_to_printable("") == "");
  std::string out = "x";
  append_gpt2_printable(out, " a\n");
  CHECK(out == "x\xC4\xA0" "a\xC4\x8A");
}

TEST_CASE("printable text converts back to bytes", "[gpt2][byte_map]") {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  CHECK(gpt2_printable_to_bytes(gpt2_bytes_to_printable(all)) == all);
  CHECK(gpt2_printable_to_bytes("\xC4\xA0world") == " world");
  CHECK_THROWS_WITH(gpt2_printable_to_bytes("a b"), "not a GPT-2 byte character at byte 1 of the token text");
  CHECK_THROWS_AS(gpt2_printable_to_bytes("\xFF"), std::invalid_argument);
}
