// Tests for similarity.h: cosine, Euclidean, top-k excluding the query.
#include <catch2/catch.hpp>

#include "math/similarity.h"
#include "test_helpers.h"

using namespace embplay;

namespace {
RowMatrix points() {
  RowMatrix m(4, 2);
  m << 1, 0,   //
      0.9f, 0.1f,  //
      0, 1,    //
      -1, 0;
  return m;
}
}  // namespace

TEST_CASE("cosine and euclidean on known vectors", "[similarity]") {
  RowVector a(2), b(2), z(2);
  a << 3, 4;
  b << 4, 3;
  z << 0, 0;
  CHECK(cosine_similarity(a, b) == test::approx(24.0 / 25.0));
  CHECK(cosine_similarity(a, a) == test::approx(1.0));
  CHECK(cosine_similarity(a, z) == 0.0f);
  CHECK(euclidean_distance(a, b) == test::approx(std::sqrt(2.0)));
}

TEST_CASE("nearest rows exclude the query and sort nearest first", "[similarity]") {
  auto m = points();
  auto cos = nearest_rows(m, 0, 2, Metric::Cosine);
  REQUIRE(cos.size() == 2);
  CHECK(cos[0].id == 1);
  CHECK(cos[1].id == 2);
  auto euc = nearest_rows(m, 0, 10, Metric::Euclidean);
  REQUIRE(euc.size() == 3);
  CHECK(euc[0].id == 1);
  CHECK(euc[2].id == 3);
  CHECK(euc[2].score == test::approx(2.0));
}

TEST_CASE("metric names and bad queries", "[similarity]") {
  CHECK(parse_metric("euclidean") == Metric::Euclidean);
  CHECK_THROWS_WITH(parse_metric("manhattan"), "unknown metric 'manhattan' (expected cosine or euclidean)");
  CHECK_THROWS_AS(nearest_rows(points(), 4, 1, Metric::Cosine), std::out_of_range);
}
