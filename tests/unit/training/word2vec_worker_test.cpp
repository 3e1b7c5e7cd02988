// Tests for word2vec_worker.h: word2vec's subsampling thresholds.
#include <catch2/catch.hpp>

#include <cmath>

#include "training/word2vec_worker.h"
#include "test_helpers.h"

using namespace embplay;

TEST_CASE("subsampling keeps word2vec's fraction of each word", "[cbow][subsampling]") {
  // total 1010, sample 1e-3: s T = 1.01.
  const auto keep = subsampling_thresholds({0, 1000, 10, 1}, 1011, 1e-3);
  const double st = 1.011;
  auto p = [&](double c) { return (std::sqrt(c / st) + 1.0) * st / c; };
  CHECK(keep[0] == kAlwaysKeep);  // never seen
  CHECK(keep[1] / 4294967296.0 == test::approx(p(1000), 1e-9));
  CHECK(keep[1] / 4294967296.0 == test::approx(0.0329, 1e-4));  // by hand: (31.45 + 1) * 1.011e-3
  CHECK(keep[2] / 4294967296.0 == test::approx(p(10), 1e-9));
  CHECK(keep[3] == kAlwaysKeep);  // p > 1: rare words are always kept
  const auto off = subsampling_thresholds({0, 1000, 10}, 1010, 0.0);
  for (auto k : off) CHECK(k == kAlwaysKeep);
}
