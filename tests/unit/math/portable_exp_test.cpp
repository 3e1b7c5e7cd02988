// portable_exp against the C library's exp: the same function to ~1e-15, built from IEEE
// operations only (its bit-identity between native and WASM builds is checked by
// tests/node/attention.test.mjs through the attention weights).
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "math/portable_exp.h"

using embplay::portable_exp;

TEST_CASE("portable_exp agrees with std::exp to 1e-14 relative", "[exp][attention]") {
  double worst = 0.0;
  for (double x = -708.0; x <= 709.0; x += 0.0137) {
    worst = std::max(worst, std::fabs(portable_exp(x) - std::exp(x)) / std::exp(x));
  }
  for (double x = -1.0; x <= 1.0; x += 1.0 / 1024.0) {  // around 0, where the softmax lives
    worst = std::max(worst, std::fabs(portable_exp(x) - std::exp(x)) / std::exp(x));
  }
  CHECK(worst < 1e-14);
}

TEST_CASE("portable_exp: exact points and the ends of its range", "[exp][attention]") {
  CHECK(portable_exp(0.0) == 1.0);
  CHECK(portable_exp(-0.0) == 1.0);
  CHECK(portable_exp(1.0) == Approx(2.718281828459045).epsilon(1e-15));
  CHECK(portable_exp(-800.0) == 0.0);
  CHECK(portable_exp(800.0) == std::numeric_limits<double>::infinity());
  CHECK(std::isnan(portable_exp(std::numeric_limits<double>::quiet_NaN())));
  CHECK(portable_exp(-std::numeric_limits<double>::infinity()) == 0.0);
}

TEST_CASE("portable_exp_in_range is portable_exp inside [-708, 709]", "[exp][attention]") {
  for (double x = -708.0; x <= 709.0; x += 0.731) REQUIRE(embplay::portable_exp_in_range(x) == portable_exp(x));
  CHECK(embplay::portable_exp_in_range(-708.0) > 0.0);
  CHECK(embplay::portable_exp_in_range(709.0) < std::numeric_limits<double>::infinity());
}

TEST_CASE("portable_exp_in_range on an array: the scalar function's bits, two at a time", "[exp][attention]") {
  std::vector<double> x;
  for (double v = -708.0; v <= 709.0; v += 0.377) x.push_back(v);
  x.push_back(-0.0);
  if (x.size() % 2 == 0) x.push_back(-1e-300);
  std::vector<double> out(x.size());
  embplay::portable_exp_in_range(x.data(), out.data(), x.size());  // an odd count: the tail too
  REQUIRE(x.size() % 2 == 1);
  for (std::size_t i = 0; i < x.size(); ++i) REQUIRE(out[i] == embplay::portable_exp_in_range(x[i]));
  embplay::portable_exp_in_range(x.data(), x.data(), x.size());  // in place
  CHECK(x == out);
}
