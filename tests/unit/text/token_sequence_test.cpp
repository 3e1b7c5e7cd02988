// Tests for token_sequence.h: storage, display text with ##, spans.
#include <catch2/catch.hpp>

#include "test_helpers.h"
#include "text/token_sequence.h"

TEST_CASE("token sequence stores texts, spans and continuation flags", "[tokens]") {
  embplay::TokenSequence s;
  s.push("play", 0, 4);
  s.push("ing", 4, 7, true);
  s.push("축구", 8, 14);
  REQUIRE(s.size() == 3);
  CHECK(s.text(1) == "ing");
  CHECK(s.display_text(1) == "##ing");
  CHECK(s.display_text(2) == "축구");
  CHECK(embplay::test::golden(s) == "play[0,4) ##ing[4,7) 축구[8,14)");
  CHECK(s.starts() == std::vector<std::uint32_t>{0, 4, 8});
  CHECK(s.ends() == std::vector<std::uint32_t>{4, 7, 14});
}
