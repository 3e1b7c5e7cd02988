// Tests for src/transformer/position_limits.h: the exact messages, and that every out-of-range,
// non-integer, NaN or infinite value is refused.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "transformer/position_limits.h"

using embplay::kCorePositionLimits;
using embplay::kPagePositionLimits;

TEST_CASE("d_model and max_len must be integers within the limits", "[pe][limits]") {
  CHECK(embplay::checked_d_model(1) == 1);
  CHECK(embplay::checked_d_model(4096) == 4096);
  CHECK(embplay::checked_max_len(100000) == 100000);
  CHECK_THROWS_WITH(embplay::checked_d_model(0), "d_model must be an integer between 1 and 4096, got 0");
  CHECK_THROWS_WITH(embplay::checked_d_model(-3), "d_model must be an integer between 1 and 4096, got -3");
  CHECK_THROWS_WITH(embplay::checked_d_model(100000), "d_model must be an integer between 1 and 4096, got 100000");
  CHECK_THROWS_WITH(embplay::checked_d_model(2.5), "d_model must be an integer between 1 and 4096, got 2.5");
  CHECK_THROWS_WITH(embplay::checked_d_model(std::nan("")), "d_model must be an integer between 1 and 4096, got NaN");
  CHECK_THROWS_WITH(embplay::checked_d_model(-std::nan("")), "d_model must be an integer between 1 and 4096, got NaN");
  CHECK_THROWS_WITH(embplay::checked_d_model(INFINITY), "d_model must be an integer between 1 and 4096, got inf");
  CHECK_THROWS_WITH(embplay::checked_max_len(0), "max_len must be an integer between 1 and 100000, got 0");
  CHECK_THROWS_WITH(embplay::checked_max_len(1e7), "max_len must be an integer between 1 and 100000, got 10000000");
  CHECK_THROWS_WITH(embplay::checked_max_len(-INFINITY), "max_len must be an integer between 1 and 100000, got -inf");
  CHECK_THROWS_WITH(embplay::checked_max_len(1e300), "max_len must be an integer between 1 and 100000, got 1.0000000000000001e+300");
}

TEST_CASE("The page's limits are the issue's controls", "[pe][limits]") {
  CHECK(embplay::checked_d_model(1024, kPagePositionLimits) == 1024);
  CHECK(embplay::checked_max_len(2048, kPagePositionLimits) == 2048);
  CHECK_THROWS_WITH(embplay::checked_d_model(1025, kPagePositionLimits),
                    "d_model must be an integer between 1 and 1024, got 1025");
  CHECK_THROWS_WITH(embplay::checked_max_len(2049, kPagePositionLimits),
                    "max_len must be an integer between 1 and 2048, got 2049");
  CHECK(embplay::checked_table_shape(2048, 1024, kPagePositionLimits).cells() == 2048u * 1024u);
  embplay::check_similarity_size(2048, kPagePositionLimits);
}

TEST_CASE("The total number of cells is capped", "[pe][limits]") {
  const auto shape = embplay::checked_table_shape(8192, 4096);
  CHECK(shape.max_len == 8192);
  CHECK(shape.d_model == 4096);
  CHECK(shape.cells() == kCorePositionLimits.max_cells);
  CHECK_THROWS_WITH(embplay::checked_table_shape(8193, 4096),
                    "max_len x d_model = 8193 x 4096 exceeds the limit of 33554432 cells");
  CHECK_THROWS_WITH(embplay::checked_table_shape(1e7, 1e5),
                    "max_len must be an integer between 1 and 100000, got 10000000");
  embplay::check_similarity_size(5792);  // 5792^2 = 33547264
  CHECK_THROWS_WITH(embplay::check_similarity_size(5793),
                    "similarity of 5793 positions needs 5793 x 5793 cells, the limit is 33554432");
  CHECK_THROWS_AS(embplay::check_similarity_size(0), std::invalid_argument);
  CHECK_THROWS_AS(embplay::check_similarity_size(std::numeric_limits<std::size_t>::max()), std::invalid_argument);
}

TEST_CASE("base must be finite and greater than 1", "[pe][limits]") {
  CHECK(embplay::checked_base(10000) == 10000);
  CHECK(embplay::checked_base(1.0001) == 1.0001);
  CHECK_THROWS_WITH(embplay::checked_base(1), "base must be a finite number greater than 1, got 1");
  CHECK_THROWS_WITH(embplay::checked_base(0.5), "base must be a finite number greater than 1, got 0.5");
  CHECK_THROWS_WITH(embplay::checked_base(-10), "base must be a finite number greater than 1, got -10");
  CHECK_THROWS_WITH(embplay::checked_base(std::nan("")), "base must be a finite number greater than 1, got NaN");
  CHECK_THROWS_WITH(embplay::checked_base(INFINITY), "base must be a finite number greater than 1, got inf");
}

TEST_CASE("Seeds given as numbers", "[pe][limits]") {
  CHECK(embplay::checked_seed(0) == 0u);
  CHECK(embplay::checked_seed(9007199254740992.0) == 9007199254740992ull);
  CHECK_THROWS_WITH(embplay::checked_seed(-1), "seed must be an integer between 0 and 2^53, got -1");
  CHECK_THROWS_WITH(embplay::checked_seed(0.5), "seed must be an integer between 0 and 2^53, got 0.5");
  CHECK_THROWS_WITH(embplay::checked_seed(std::nan("")), "seed must be an integer between 0 and 2^53, got NaN");
}
