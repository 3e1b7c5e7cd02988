// Tests for src/transformer/model_input.h: input = scale * token embedding + position row.
#include <catch2/catch.hpp>

#include <cmath>

#include "transformer/model_input.h"
#include "transformer/sinusoidal_encoding.h"
#include "test_helpers.h"

using embplay::RowMatrix;
using embplay::test::approx;

TEST_CASE("Model input adds the position rows to the token rows", "[pe][input]") {
  RowMatrix tokens(2, 4);
  tokens << 1, 2, 3, 4, -1, -2, -3, -4;
  embplay::SinusoidalSpec spec;
  spec.d_model = 4;
  const RowMatrix pe = embplay::sinusoidal_encoding(spec, 10);
  SECTION("scale 1 (BERT, GPT-2)") {
    const RowMatrix x = embplay::model_input(tokens, pe);
    REQUIRE(x.rows() == 2);
    // Position 0 is (0, 1, 0, 1); position 1 is (sin 1, cos 1, sin 0.01, cos 0.01).
    CHECK(x(0, 0) == approx(1.0));
    CHECK(x(0, 1) == approx(3.0));
    CHECK(x(0, 3) == approx(5.0));
    CHECK(x(1, 0) == approx(-1.0 + std::sin(1.0)));
    CHECK(x(1, 3) == approx(-4.0 + std::cos(0.01)));
  }
  SECTION("scale sqrt(d_model) (Vaswani et al.)") {
    const RowMatrix x = embplay::model_input(tokens, pe, 2.0f);
    CHECK(x(1, 1) == approx(-4.0 + std::cos(1.0)));
  }
  SECTION("the same token at two positions gets two different inputs") {
    RowMatrix same(2, 4);
    same << 1, 2, 3, 4, 1, 2, 3, 4;
    const RowMatrix x = embplay::model_input(same, pe);
    CHECK((x.row(0) - x.row(1)).norm() > 0.5f);
  }
}

TEST_CASE("Model input: mismatched shapes", "[pe][input]") {
  embplay::SinusoidalSpec spec;
  spec.d_model = 4;
  const RowMatrix pe = embplay::sinusoidal_encoding(spec, 3);
  CHECK_THROWS_WITH(embplay::model_input(RowMatrix::Zero(2, 5), pe),
                    "token embeddings have d_model 5 but the position table has d_model 4");
  CHECK_THROWS_WITH(embplay::model_input(RowMatrix::Zero(4, 4), pe),
                    "the text has 4 tokens but the position table has only 3 positions (max_len)");
}
