// Tests for src/transformer/learned_position_table.h: a seeded uniform table with standard deviation
// `stddev`, the same for the same seed, different across seeds.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "transformer/learned_position_table.h"
#include "math/random.h"
#include "test_helpers.h"

using embplay::RowMatrix;
using embplay::test::approx;

TEST_CASE("Learned table: deterministic per seed, different across seeds", "[pe][learned]") {
  const RowMatrix a = embplay::learned_position_table(64, 32, 42);
  const RowMatrix b = embplay::learned_position_table(64, 32, 42);
  const RowMatrix c = embplay::learned_position_table(64, 32, 43);
  CHECK(a == b);
  // Different seeds: practically every cell differs.
  CHECK((a.array() != c.array()).count() > 64 * 32 - 10);
}

TEST_CASE("Learned table: the documented stream and range", "[pe][learned]") {
  const float bound = embplay::learned_init_bound(0.02);
  CHECK(bound == approx(0.0346410162, 1e-9));  // sqrt(3) * 0.02
  SECTION("row-major draws of Rng(seed).uniform(-bound, bound)") {
    const RowMatrix t = embplay::learned_position_table(5, 7, 2024);
    embplay::Rng rng(2024);
    for (int r = 0; r < 5; ++r) {
      for (int j = 0; j < 7; ++j) CHECK(t(r, j) == rng.uniform(-bound, bound));
    }
  }
  SECTION("first rows do not depend on max_len") {
    const RowMatrix small = embplay::learned_position_table(3, 16, 9);
    const RowMatrix large = embplay::learned_position_table(300, 16, 9);
    CHECK(small == large.topRows(3));
  }
  SECTION("values within [-bound, bound), mean about 0 and standard deviation about stddev") {
    const RowMatrix t = embplay::learned_position_table(512, 128, 1, 0.5);
    CHECK(t.minCoeff() >= -embplay::learned_init_bound(0.5));
    CHECK(t.maxCoeff() < embplay::learned_init_bound(0.5));
    const double n = static_cast<double>(t.size());
    const double mean = t.cast<double>().sum() / n;
    const double sd = std::sqrt(t.cast<double>().array().square().sum() / n - mean * mean);
    // 65536 draws: the sample mean's standard error is 0.5 / 256 ~ 0.002.
    CHECK(std::abs(mean) < 0.01);
    CHECK(sd == approx(0.5, 0.01));
  }
}

TEST_CASE("Learned table: bad input", "[pe][learned]") {
  CHECK_THROWS_WITH(embplay::learned_position_table(10, 8, 1, 0.0),
                    "initialisation stddev must be greater than 0 and at most 1e+06, got 0");
  CHECK_THROWS_WITH(embplay::learned_position_table(10, 8, 1, NAN),
                    "initialisation stddev must be greater than 0 and at most 1e+06, got NaN");
  CHECK_THROWS_WITH(embplay::learned_position_table(10, 8, 1, 1e300),
                    "initialisation stddev must be greater than 0 and at most 1e+06, got 1e+300");
  CHECK_THROWS_WITH(embplay::learned_position_table(10, 8, 1, INFINITY),
                    "initialisation stddev must be greater than 0 and at most 1e+06, got inf");
  CHECK_THROWS_WITH(embplay::learned_position_table(10000000, 8, 1),
                    "max_len must be an integer between 1 and 100000, got 10000000");
  CHECK_THROWS_WITH(embplay::learned_position_table(100000, 4096, 1),
                    "max_len x d_model = 100000 x 4096 exceeds the limit of 33554432 cells");
  CHECK_THROWS_WITH(embplay::fill_learned_positions(10, 0, 1, nullptr), "d_model must be an integer between 1 and 4096, got 0");
}
