// The settings check: every bad value rejected with a message the page can show.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "transformer/attention_config.h"

using namespace embplay;

namespace {
AttentionConfig check(double n, double d, double h, double seed = 1) {
  return checked_attention_config(n, d, h, AttentionProjection::Random, true, false, seed);
}
}  // namespace

TEST_CASE("attention config: good values pass, d_k = d / h", "[attention][config]") {
  const AttentionConfig c = check(512, 1024, 8);
  CHECK(c.tokens == 512);
  CHECK(c.d_model == 1024);
  CHECK(c.heads == 8);
  CHECK(c.d_k() == 128);
  CHECK(check(1, 1, 1).d_k() == 1);
}

TEST_CASE("attention config: bad values rejected with their message", "[attention][config]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(check(0, 16, 1), "attention needs at least one token (the text is empty)");
  CHECK_THROWS_WITH(check(513, 16, 1), "attention takes between 1 and 512 tokens, got 513");
  CHECK_THROWS_WITH(check(2.5, 16, 1), "attention takes between 1 and 512 tokens, got 2.5");
  CHECK_THROWS_WITH(check(4, 0, 1), "d_model must be an integer between 1 and 1024, got 0");
  CHECK_THROWS_WITH(check(4, 1025, 1), "d_model must be an integer between 1 and 1024, got 1025");
  CHECK_THROWS_WITH(check(4, nan, 1), "d_model must be an integer between 1 and 1024, got NaN");
  CHECK_THROWS_WITH(check(4, 16, 3), "heads (3) must divide d_model (16): each head takes d_model / heads columns");
  CHECK_THROWS_WITH(check(4, 16, 0), "heads must be an integer between 1 and 64, got 0");
  CHECK_THROWS_WITH(check(4, 128, 128), "heads must be an integer between 1 and 64, got 128");
  CHECK_THROWS_WITH(check(4, 16, 1, -1), "seed must be an integer between 0 and 2^53, got -1");
  CHECK_THROWS_WITH(parse_attention_projection("linear"), "unknown projection 'linear' (valid: identity, random)");
  CHECK_THROWS_WITH(parse_attention_positions("rope"), "unknown positions 'rope' (valid: none, sinusoidal, learned)");
}

TEST_CASE("attention input spec and values: finite and bounded", "[attention][config]") {
  AttentionInputSpec spec;
  spec.token_scale = std::nanf("");
  CHECK_THROWS_WITH(check_attention_input_spec(spec), "token scale must be a number between 0 and 10000, got NaN");
  spec.token_scale = 4.0f;
  spec.positions = AttentionPositions::Sinusoidal;
  spec.base = 1.0;
  CHECK_THROWS_WITH(check_attention_input_spec(spec), "base must be a finite number greater than 1, got 1");
  spec.base = 10000;
  CHECK_NOTHROW(check_attention_input_spec(spec));
  const float values[3] = {1.0f, -1e4f, std::numeric_limits<float>::infinity()};
  CHECK_NOTHROW(check_attention_input_values(values, 2));
  CHECK_THROWS_WITH(check_attention_input_values(values, 3),
                    "token embedding value 2 is inf: values must be finite and at most 10000 in magnitude");
}

TEST_CASE("attention config: names round-trip", "[attention][config]") {
  for (const char* name : {"identity", "random"}) {
    CHECK(std::string(attention_projection_name(parse_attention_projection(name))) == name);
  }
  for (const char* name : {"none", "sinusoidal", "learned"}) {
    CHECK(std::string(attention_positions_name(parse_attention_positions(name))) == name);
  }
}
