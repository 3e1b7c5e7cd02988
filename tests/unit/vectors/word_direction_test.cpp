// Tests for word_direction.h: the unit mean of pair differences on hand-made rows, every
// row's projection, and the messages for no pairs, pairs that cancel out and bad rows.
#include <catch2/catch.hpp>

#include <cmath>

#include "test_helpers.h"
#include "vectors/word_direction.h"

using namespace embplay;

namespace {
// dog, dogs, cat, cats, car: number is axis 1 (plus noise on axis 2), car sits on axis 0.
RowMatrix rows() {
  RowMatrix m(5, 3);
  m << 1, 0, 0.1f,  //
      1, 2, 0.3f,   //
      0.5f, 0, 0,   //
      0.5f, 2, -0.1f,  //
      3, 1, 0;
  return m;
}
}  // namespace

TEST_CASE("a direction is the unit mean of the pairs' differences", "[direction]") {
  const Eigen::VectorXf d = pair_direction(rows(), {{0, 1}, {2, 3}});
  // differences (0, 2, 0.2) and (0, 2, -0.1): sum (0, 4, 0.1).
  const double norm = std::sqrt(16.0 + 0.01);
  CHECK(d(0) == test::approx(0.0));
  CHECK(d(1) == test::approx(4.0 / norm));
  CHECK(d(2) == test::approx(0.1 / norm));
  CHECK(d.norm() == test::approx(1.0));
}

TEST_CASE("every row's projection on a direction", "[direction]") {
  const RowMatrix m = rows();
  const Eigen::VectorXf d = pair_direction(m, {{0, 1}, {2, 3}});
  const Eigen::VectorXf score = project_on_direction(m, d);
  REQUIRE(score.size() == 5);
  for (int r = 0; r < 5; ++r) CHECK(score(r) == test::approx(m.row(r).dot(d.transpose()), 1e-6));
  CHECK(score(1) > score(0));  // dogs above dog
  CHECK(score(3) > score(2));  // cats above cat
}

TEST_CASE("a direction refuses no pairs, pairs that cancel out and bad rows", "[direction]") {
  const RowMatrix m = rows();
  CHECK_THROWS_WITH(pair_direction(m, {}), "a direction needs at least one word pair");
  CHECK_THROWS_WITH(pair_direction(m, {{0, 0}}), "the pairs cancel out: the direction has length zero");
  CHECK_THROWS_WITH(pair_direction(m, {{0, 1}, {1, 0}}), "the pairs cancel out: the direction has length zero");
  CHECK_THROWS_AS(pair_direction(m, {{0, 5}}), std::out_of_range);
  CHECK_THROWS_AS(pair_direction(m, {{-1, 0}}), std::out_of_range);
}
