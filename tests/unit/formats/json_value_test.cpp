// Tests for json_value.h: every kind of value, exact integers, and each strictness rule
// refusing with its own message.
#include <catch2/catch.hpp>

#include "formats/json_value.h"

using namespace embplay;
using Catch::Matchers::Contains;

TEST_CASE("json: values of every kind, members in the order written", "[json]") {
  const JsonValue v = parse_json(R"( {"b": [1, -2.5e3, true, false, null], "a": {"x": "y"}, "s": "\u00e9\ud83d\ude00\n\"\\/"} )");
  REQUIRE(v.is(JsonValue::Type::Object));
  REQUIRE(v.members.size() == 3);
  CHECK(v.members[0].first == "b");
  CHECK(v.members[1].first == "a");
  const JsonValue& b = *v.find("b");
  REQUIRE(b.items.size() == 5);
  CHECK(b.items[0].text == "1");
  CHECK(b.items[1].text == "-2.5e3");
  CHECK(b.items[2].is(JsonValue::Type::Bool));
  CHECK(b.items[2].boolean);
  CHECK_FALSE(b.items[3].boolean);
  CHECK(b.items[4].is(JsonValue::Type::Null));
  CHECK(v.find("a")->find("x")->text == "y");
  CHECK(v.find("s")->text == "\xC3\xA9\xF0\x9F\x98\x80\n\"\\/");
  CHECK(v.find("missing") == nullptr);
  CHECK(parse_json("[]").items.empty());
  CHECK(parse_json("{}").members.empty());
  CHECK(parse_json("\"\xEA\xB0\x80\"").text == "\xEA\xB0\x80");  // raw UTF-8 (가) kept
}

TEST_CASE("json: integers are exact up to 2^64 - 1", "[json]") {
  CHECK(parse_json("9007199254740993").as_uint64() == std::uint64_t{9007199254740993ull});
  CHECK(parse_json("18446744073709551615").as_uint64() == UINT64_MAX);
  CHECK_FALSE(parse_json("18446744073709551616").as_uint64());
  CHECK_FALSE(parse_json("-1").as_uint64());
  CHECK_FALSE(parse_json("1.0").as_uint64());
  CHECK_FALSE(parse_json("1e3").as_uint64());
  CHECK_FALSE(parse_json("\"1\"").as_uint64());
  CHECK(parse_json("0").as_uint64() == 0u);
}

TEST_CASE("json: strict grammar, one message per rule", "[json]") {
  CHECK_THROWS_WITH(parse_json("{\"a\":1,}"), Contains("expected a string key"));
  CHECK_THROWS_WITH(parse_json("[1,]"), Contains("unexpected character"));
  CHECK_THROWS_WITH(parse_json("{\"a\":1} x"), Contains("unexpected text after the value at byte 8"));
  CHECK_THROWS_WITH(parse_json("01"), Contains("unexpected text after the value"));
  CHECK_THROWS_WITH(parse_json("1."), Contains("malformed number"));
  CHECK_THROWS_WITH(parse_json("-"), Contains("malformed number"));
  CHECK_THROWS_WITH(parse_json("{\"a\":1,\"a\":2}"), Contains("duplicate key 'a'"));
  CHECK_THROWS_WITH(parse_json("\"a\tb\""), Contains("control character"));
  CHECK_THROWS_WITH(parse_json("\"\xC3\""), Contains("invalid UTF-8"));
  CHECK_THROWS_WITH(parse_json("\"\\ud800\""), Contains("without its low half"));
  CHECK_THROWS_WITH(parse_json("\"\\udc00\""), Contains("lone low surrogate"));
  CHECK_THROWS_WITH(parse_json("\"\\x41\""), Contains("invalid escape"));
  CHECK_THROWS_WITH(parse_json("\"\\u12G4\""), Contains("invalid \\u escape"));
  CHECK_THROWS_WITH(parse_json("\"abc"), Contains("unterminated string"));
  CHECK_THROWS_WITH(parse_json("{\"a\" 1}"), Contains("expected ':'"));
  CHECK_THROWS_WITH(parse_json("// c\n{}"), Contains("unexpected character"));
  CHECK_THROWS_WITH(parse_json("nul"), Contains("unexpected character"));
  CHECK_THROWS_WITH(parse_json(""), Contains("unexpected end"));
}

TEST_CASE("json: nesting is limited, so deep input cannot exhaust the stack", "[json]") {
  const std::string ok = std::string(64, '[') + std::string(64, ']');
  CHECK_NOTHROW(parse_json(ok));
  const std::string deep = std::string(65, '[') + std::string(65, ']');
  CHECK_THROWS_WITH(parse_json(deep), Contains("nesting deeper than 64 levels"));
  std::string hostile;
  for (int i = 0; i < 200000; ++i) hostile += "{\"a\":";
  CHECK_THROWS_WITH(parse_json(hostile), Contains("nesting deeper"));
}
