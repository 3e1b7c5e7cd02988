// Tests for pca_projection.h: axes of known data, centred coordinates, orthonormal axes,
// explained variance, orientation (deterministic, and following previous axes), errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "vectors/pca_projection.h"
#include "math/random.h"
#include "test_helpers.h"

using namespace embplay;

namespace {

// n points spread with standard deviations 5, 2 and 0.5 along three orthonormal directions
// of R^4 (a rotation of the axes), plus an offset.
RowMatrix anisotropic(int n, std::uint64_t seed) {
  Rng rng(seed);
  RowMatrix m(n, 4);
  const float s = 1.0f / std::sqrt(2.0f);
  for (int r = 0; r < n; ++r) {
    const float a = 5.0f * rng.uniform(-1.7f, 1.7f), b = 2.0f * rng.uniform(-1.7f, 1.7f), c = 0.5f * rng.uniform(-1.7f, 1.7f);
    // directions: (s, s, 0, 0), (s, -s, 0, 0), (0, 0, 1, 0)
    m.row(r) << 10 + s * (a + b), -3 + s * (a - b), 7 + c, 1;
  }
  return m;
}

}  // namespace

TEST_CASE("PCA finds the axes of spread, largest first", "[pca]") {
  const RowMatrix x = anisotropic(2000, 7);
  const PcaProjection p = pca_project(x, 3);
  REQUIRE(p.axes.rows() == 3);
  REQUIRE(p.coords.rows() == 2000);
  REQUIRE(p.coords.cols() == 3);
  const float s = 1.0f / std::sqrt(2.0f);
  CHECK(std::abs(p.axes(0, 0)) == test::approx(s, 1e-2));
  CHECK(std::abs(p.axes(0, 1)) == test::approx(s, 1e-2));
  CHECK(p.axes(0, 0) * p.axes(0, 1) > 0);  // (s, s): the two entries agree in sign
  CHECK(p.axes(1, 0) * p.axes(1, 1) < 0);  // (s, -s)
  CHECK(std::abs(p.axes(2, 2)) == test::approx(1.0, 1e-3));
  // variances 25 : 4 : 0.25 (uniform draws scale them all alike)
  CHECK(p.explained[0] == test::approx(25.0 / 29.25, 2e-2));
  CHECK(p.explained[1] == test::approx(4.0 / 29.25, 2e-2));
  CHECK(p.explained[0] > p.explained[1]);
  CHECK(p.explained[1] > p.explained[2]);
}

TEST_CASE("PCA coordinates are centred projections on orthonormal axes", "[pca]") {
  const RowMatrix x = anisotropic(300, 11);
  const PcaProjection p = pca_project(x, 2);
  const RowMatrix gram = p.axes * p.axes.transpose();
  CHECK(gram(0, 0) == test::approx(1.0, 1e-5));
  CHECK(gram(1, 1) == test::approx(1.0, 1e-5));
  CHECK(gram(0, 1) == test::approx(0.0, 1e-5));
  CHECK(p.coords.col(0).mean() == test::approx(0.0, 1e-3));
  CHECK(p.coords.col(1).mean() == test::approx(0.0, 1e-3));
  // Row 5's first coordinate is (x5 - mean) . axis0.
  const RowVector mean = x.colwise().mean();
  CHECK(p.coords(5, 0) == test::approx((x.row(5) - mean).dot(p.axes.row(0)), 1e-3));
}

TEST_CASE("PCA on points along one line explains all variance with one axis", "[pca]") {
  RowMatrix x(5, 3);
  for (int r = 0; r < 5; ++r) x.row(r) << 2.0f * r, 3.0f * r, -6.0f * r;
  const PcaProjection p = pca_project(x, 2);
  CHECK(p.explained[0] == test::approx(1.0, 1e-6));
  CHECK(p.explained[1] == test::approx(0.0, 1e-6));
  // Axis (2, 3, -6) / 7, oriented so its largest-magnitude entry (the third) is positive.
  CHECK(p.axes(0, 0) == test::approx(-2.0 / 7, 1e-5));
  CHECK(p.axes(0, 1) == test::approx(-3.0 / 7, 1e-5));
  CHECK(p.axes(0, 2) == test::approx(6.0 / 7, 1e-5));
  // Spacing of the points along the line: |(2, 3, -6)| = 7 per step, towards negative coordinates.
  CHECK(p.coords(4, 0) - p.coords(3, 0) == test::approx(-7.0, 1e-4));
}

TEST_CASE("PCA orientation follows the previous axes", "[pca]") {
  const RowMatrix x = anisotropic(500, 3);
  const PcaProjection first = pca_project(x, 2);
  SECTION("the same axes keep their sign") {
    const PcaProjection again = pca_project(x, 2, &first.axes);
    CHECK(again.axes.isApprox(first.axes, 1e-5f));
    CHECK(again.coords.isApprox(first.coords, 1e-4f));
  }
  SECTION("flipped previous axes flip the projection") {
    RowMatrix flipped = first.axes;
    flipped.row(1) *= -1.0f;
    const PcaProjection p = pca_project(x, 2, &flipped);
    CHECK(p.axes.row(0).isApprox(first.axes.row(0), 1e-5f));
    CHECK(p.axes.row(1).isApprox(-first.axes.row(1), 1e-5f));
    CHECK(p.coords(0, 1) == test::approx(-first.coords(0, 1), 1e-4));
  }
}

TEST_CASE("PCA of a single point or identical points is all zeros", "[pca]") {
  RowMatrix x = RowMatrix::Constant(3, 4, 2.5f);
  const PcaProjection p = pca_project(x, 2);
  CHECK(p.coords.cwiseAbs().maxCoeff() == 0.0f);
  CHECK(p.explained[0] == 0.0);
}

TEST_CASE("PCA rejects bad input with a message", "[pca]") {
  RowMatrix x = RowMatrix::Ones(4, 2);
  CHECK_THROWS_WITH(pca_project(RowMatrix(0, 2), 2), "PCA needs at least one vector");
  CHECK_THROWS_WITH(pca_project(x, 0), "PCA components must be between 1 and 2, got 0");
  CHECK_THROWS_WITH(pca_project(x, 3), "PCA components must be between 1 and 2, got 3");
  RowMatrix wrong = RowMatrix::Zero(2, 3);
  CHECK_THROWS_WITH(pca_project(x, 2, &wrong), "the previous PCA axes have another shape than this projection");
  x(1, 1) = std::numeric_limits<float>::quiet_NaN();
  CHECK_THROWS_WITH(pca_project(x, 1), "PCA input contains a value that is not finite");
}

TEST_CASE("PCA with three components extends the two-component one and follows three previous axes", "[pca]") {
  const RowMatrix x = anisotropic(400, 5);
  const PcaProjection two = pca_project(x, 2);
  const PcaProjection three = pca_project(x, 3);
  REQUIRE(three.coords.cols() == 3);
  CHECK(three.axes.topRows(2).isApprox(two.axes, 1e-5f));
  CHECK(three.coords.leftCols(2).isApprox(two.coords, 1e-4f));
  CHECK(three.explained[0] == test::approx(two.explained[0], 1e-12));
  CHECK(three.explained[0] + three.explained[1] + three.explained[2] <= 1.0 + 1e-12);
  RowMatrix flipped = three.axes;
  flipped.row(2) *= -1.0f;
  const PcaProjection p = pca_project(x, 3, &flipped);
  CHECK(p.axes.topRows(2).isApprox(three.axes.topRows(2), 1e-5f));
  CHECK(p.axes.row(2).isApprox(-three.axes.row(2), 1e-5f));
  CHECK(p.coords(7, 2) == test::approx(-three.coords(7, 2), 1e-4));
}

TEST_CASE("PCA orients an axis whose previous row is all zeros by its largest entry", "[pca]") {
  const RowMatrix x = anisotropic(400, 5);
  const PcaProjection fresh = pca_project(x, 3);  // every axis by the largest-entry rule
  RowMatrix previous = fresh.axes;
  previous.row(0) *= -1.0f;  // a preference that flips PC1...
  previous.row(2).setZero();  // ...and none for PC3 (an axis the caller has not seen)
  const PcaProjection p = pca_project(x, 3, &previous);
  CHECK(p.axes.row(0).isApprox(-fresh.axes.row(0), 1e-5f));
  CHECK(p.axes.row(2).isApprox(fresh.axes.row(2), 1e-5f));
  Eigen::Index at = 0;
  p.axes.row(2).cwiseAbs().maxCoeff(&at);
  CHECK(p.axes(2, at) > 0.0f);
  CHECK(p.coords(7, 2) == test::approx(fresh.coords(7, 2), 1e-4));
}
