// Tests for src/text/code_point_reader.h: the ASCII fast path agrees with the tables, and other
// bytes decode like decode_utf8.
#include <catch2/catch.hpp>

#include <string>

#include "text/code_point_reader.h"

using embplay::CodePointReader;

TEST_CASE("the ASCII copy of the props equals char_props", "[unicode]") {
  const std::uint8_t* ascii = embplay::ascii_char_props();
  for (char32_t cp = 0; cp < 128; ++cp) {
    INFO("U+" << std::hex << static_cast<unsigned>(cp));
    CHECK(ascii[cp] == embplay::char_props(cp));
  }
  CHECK(embplay::class_of(ascii[static_cast<unsigned char>('a')]) == embplay::CharClass::Letter);
  CHECK(embplay::class_of(ascii[static_cast<unsigned char>(' ')]) == embplay::CharClass::Space);
  CHECK((ascii[static_cast<unsigned char>('A')] & embplay::kFlagHasLowercase) != 0);
  CHECK((ascii[static_cast<unsigned char>('a')] & embplay::kFlagHasLowercase) == 0);
}

TEST_CASE("CodePointReader reads code points with their props", "[unicode]") {
  const std::string text = "A\xED\x95\x9C\xFF\xE2\x82";  // A 한 <FF> <E2 82>
  const CodePointReader reader(text);
  REQUIRE(reader.size() == text.size());

  const auto a = reader.at(0);
  CHECK(a.cp == U'A');
  CHECK(a.length == 1);
  CHECK(a.valid);
  CHECK(embplay::class_of(a.props) == embplay::CharClass::Letter);

  const auto han = reader.at(1);
  CHECK(han.cp == 0xD55C);
  CHECK(han.length == 3);
  CHECK(han.props == embplay::char_props(0xD55C));

  const auto bad = reader.at(4);
  CHECK_FALSE(bad.valid);
  CHECK(bad.cp == embplay::kReplacementChar);
  CHECK(bad.length == 1);
  CHECK(bad.props == 0);

  const auto truncated = reader.at(5);
  CHECK_FALSE(truncated.valid);
  CHECK(truncated.length == 2);
  CHECK(reader.slice(1, 4) == "\xED\x95\x9C");
}
