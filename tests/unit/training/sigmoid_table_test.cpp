// Tests for sigmoid_table.h: table accuracy against the exact function, clipping,
// NaN handling, and the deterministic exp/log against libm.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "training/sigmoid_table.h"
#include "test_helpers.h"

using namespace embplay;

TEST_CASE("deterministic exp and log agree with libm to double rounding", "[cbow][sigmoid]") {
  for (double x : {-30.0, -6.0, -1.5, -0.3465, 0.0, 1e-9, 0.5, 1.0, 2.302585, 6.0, 40.0}) {
    INFO("x = " << x);
    CHECK(deterministic_exp(x) == Approx(std::exp(x)).epsilon(1e-14));
  }
  for (double x : {1e-8, 0.01, 0.5, 0.70710678, 1.0, 1.4142, 2.0, 2.718281828, 1000.0, 3e9}) {
    INFO("x = " << x);
    CHECK(deterministic_log(x) == Approx(std::log(x)).epsilon(1e-14).margin(1e-15));
  }
}

TEST_CASE("sigmoid table is within half a bucket's slope of the exact values", "[cbow][sigmoid]") {
  const SigmoidTable t;  // word2vec's 1000 entries over [-6, 6]
  const double half_bucket = 6.0 / 1000.0;  // bucket width 0.012
  for (double x = -5.999; x < 6.0; x += 0.0137) {
    const double exact = 1.0 / (1.0 + std::exp(-x));
    // The steepest slope within half a bucket of x (the slope grows towards 0).
    const double nearer = std::abs(x) <= half_bucket ? 0.0 : x - std::copysign(half_bucket, x);
    const double s_near = 1.0 / (1.0 + std::exp(-nearer));
    const double slope = s_near * (1 - s_near);
    INFO("x = " << x);
    CHECK(std::abs(t.sigmoid(static_cast<float>(x)) - exact) <= slope * half_bucket + 1e-6);
    const double log_slope = 1.0 - 1.0 / (1.0 + std::exp(-(x - half_bucket)));  // d/dx log sigma = 1 - sigma, steepest on the left
    CHECK(std::abs(t.log_sigmoid(static_cast<float>(x)) - std::log(exact)) <= log_slope * half_bucket + 1e-6);
  }
}

TEST_CASE("sigmoid table clips outside its range and carries NaN into the loss", "[cbow][sigmoid]") {
  const SigmoidTable t;
  CHECK(t.sigmoid(6.0f) == 1.0f);
  CHECK(t.sigmoid(100.0f) == 1.0f);
  CHECK(t.sigmoid(-6.0f) == 0.0f);
  CHECK(t.sigmoid(-std::numeric_limits<float>::infinity()) == 0.0f);
  CHECK(t.sigmoid(std::numeric_limits<float>::quiet_NaN()) == 0.0f);
  CHECK(t.log_sigmoid(7.0f) == 0.0f);
  CHECK(t.log_sigmoid(-9.0f) == -9.0f);
  CHECK(std::isnan(t.log_sigmoid(std::numeric_limits<float>::quiet_NaN())));
  CHECK(std::isinf(t.log_sigmoid(-std::numeric_limits<float>::infinity())));
  CHECK(t.sigmoid(5.99999f) > 0.99f);  // last bucket, no overflow of the index
}

TEST_CASE("sigmoid table rejects bad sizes", "[cbow][sigmoid]") {
  CHECK_THROWS_WITH(SigmoidTable(1), "sigmoid table size must be at least 2, got 1");
  CHECK_THROWS_AS(SigmoidTable(1000, 0.0f), std::invalid_argument);
  CHECK_THROWS_AS(SigmoidTable(1000, std::numeric_limits<float>::quiet_NaN()), std::invalid_argument);
}
