// Tests for random.h: fixed streams (the same on every platform), ranges, spread.
#include <catch2/catch.hpp>

#include <vector>

#include "math/random.h"

using embplay::Rng;

TEST_CASE("the stream is fixed for a seed", "[random]") {
  // xoshiro128** state from SplitMix64(1), computed independently in Python:
  // every platform must produce these first outputs for seed 1.
  // (tests/unit/random_reference.py prints them.)
  const std::vector<std::uint32_t> expected{3019024837u, 2235257962u, 3699730019u, 4210650266u};
  Rng rng(1);
  for (std::uint32_t e : expected) CHECK(rng.next_u32() == e);
  Rng other(2);
  CHECK(other.next_u32() != expected[0]);
}

TEST_CASE("uniform01 stays in [0,1) and below(n) in [0,n)", "[random]") {
  Rng rng(123);
  int buckets[10] = {};
  for (int i = 0; i < 100000; ++i) {
    const float u = rng.uniform01();
    REQUIRE(u >= 0.0f);
    REQUIRE(u < 1.0f);
    const auto b = rng.below(10);
    REQUIRE(b < 10u);
    ++buckets[b];
  }
  for (int b : buckets) CHECK(std::abs(b - 10000) < 500);
}
