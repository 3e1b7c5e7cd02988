// Tests for src/transformer/position_similarity.h: for the sinusoidal table the similarity depends
// only on the distance between positions (a Toeplitz matrix) and equals
// sum_i cos((p - q) w_i); a learned table has no such structure.
//
// Tolerance: the product is float GEMM over d_model terms of size <= 1, so an entry of
// the dot matrix is within ~d_model * 1e-7 of the double value (checked at 1e-4 for
// d_model <= 128); cosine entries are within ~1e-6.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "transformer/learned_position_table.h"
#include "transformer/position_similarity.h"
#include "transformer/sinusoidal_encoding.h"
#include "test_helpers.h"

using embplay::PeLayout;
using embplay::PositionSimilarity;
using embplay::RowMatrix;
using embplay::SinusoidalSpec;
using embplay::test::approx;

namespace {

SinusoidalSpec make_spec(std::size_t d, PeLayout layout) {
  SinusoidalSpec spec;
  spec.d_model = d;
  spec.layout = layout;
  return spec;
}

// Largest spread of the values along any diagonal p - q = const.
double toeplitz_defect(const RowMatrix& s) {
  double worst = 0.0;
  const Eigen::Index n = s.rows();
  for (Eigen::Index off = -(n - 1); off < n; ++off) {
    const auto diag = s.diagonal(off);
    worst = std::max(worst, static_cast<double>(diag.maxCoeff() - diag.minCoeff()));
  }
  return worst;
}

}  // namespace

TEST_CASE("Sinusoidal dot products are sum_i cos((p - q) w_i) and depend only on p - q", "[pe][similarity]") {
  const auto layout = GENERATE(PeLayout::Interleaved, PeLayout::Split);
  for (std::size_t d : {2, 16, 128}) {
    CAPTURE(d);
    const auto table = embplay::sinusoidal_encoding(make_spec(d, layout), 200);
    const RowMatrix dot = embplay::position_similarity(table, PositionSimilarity::Dot);
    REQUIRE(dot.rows() == 200);
    REQUIRE(dot.cols() == 200);
    for (int p : {0, 3, 77, 199}) {
      for (int q : {0, 1, 50, 199}) {
        double want = 0.0;
        for (std::size_t i = 0; i < d / 2; ++i) want += std::cos((p - q) * std::pow(10000.0, -2.0 * i / d));
        CHECK(dot(p, q) == approx(want, 1e-4));
      }
    }
    CHECK(toeplitz_defect(dot) <= 1e-4);
    CHECK(dot.diagonal().minCoeff() == approx(d / 2.0, 1e-4));  // |PE(p)|^2 = d/2

    const RowMatrix cosine = embplay::position_similarity(table, PositionSimilarity::Cosine);
    CHECK(toeplitz_defect(cosine) <= 1e-5);
    CHECK(cosine.diagonal().minCoeff() == approx(1.0));
    CHECK(cosine(10, 60) == approx(dot(10, 60) / (d / 2.0)));
    CHECK((cosine - cosine.transpose()).cwiseAbs().maxCoeff() == 0.0f);  // exactly symmetric
  }
}

TEST_CASE("Nearby positions are more alike than distant ones", "[pe][similarity]") {
  const auto table = embplay::sinusoidal_encoding(make_spec(64, PeLayout::Interleaved), 100);
  const RowMatrix cosine = embplay::position_similarity(table, PositionSimilarity::Cosine);
  CHECK(cosine(50, 51) > cosine(50, 60));
  CHECK(cosine(50, 60) > cosine(50, 99));
}

TEST_CASE("Odd d_model: the lone sine breaks the Toeplitz structure", "[pe][similarity]") {
  // d = 3: PE(p).PE(q) = cos((p - q) w0) + sin(p w1) sin(q w1).
  const auto table = embplay::sinusoidal_encoding(make_spec(3, PeLayout::Split), 300);
  const RowMatrix dot = embplay::position_similarity(table, PositionSimilarity::Dot);
  const double w1 = std::pow(10000.0, -2.0 / 3.0);
  for (int p : {0, 100, 299}) {
    for (int q : {0, 200, 299}) CHECK(dot(p, q) == approx(std::cos(p - q) + std::sin(p * w1) * std::sin(q * w1), 1e-5));
  }
  CHECK(toeplitz_defect(dot) > 0.1);
}

TEST_CASE("A learned table at initialisation has no distance structure", "[pe][similarity]") {
  const auto table = embplay::learned_position_table(200, 64, 7);
  const RowMatrix cosine = embplay::position_similarity(table, PositionSimilarity::Cosine);
  CHECK(toeplitz_defect(cosine) > 0.3);
  CHECK(cosine.diagonal().minCoeff() == approx(1.0));
  // Check one entry against a direct double computation.
  const Eigen::RowVectorXd a = table.row(3).cast<double>(), b = table.row(150).cast<double>();
  CHECK(cosine(3, 150) == approx(a.dot(b) / (a.norm() * b.norm())));
}

TEST_CASE("Similarity buffers, zero rows and limits", "[pe][similarity]") {
  SECTION("fill into a caller buffer equals the allocating version") {
    const auto table = embplay::sinusoidal_encoding(make_spec(10, PeLayout::Split), 30);
    std::vector<float> out(30 * 30, -7.0f);
    embplay::fill_position_similarity(table.data(), 30, 10, PositionSimilarity::Cosine, out.data());
    const RowMatrix want = embplay::position_similarity(table, PositionSimilarity::Cosine);
    for (int p = 0; p < 30; ++p) {
      for (int q = 0; q < 30; ++q) CHECK(out[p * 30 + q] == want(p, q));
    }
  }
  SECTION("cosine with an all-zero row is 0") {
    RowMatrix table(2, 3);
    table << 0, 0, 0, 1, 2, 2;
    const RowMatrix cosine = embplay::position_similarity(table, PositionSimilarity::Cosine);
    CHECK(cosine(0, 1) == 0.0f);
    CHECK(cosine(0, 0) == 0.0f);
    CHECK(cosine(1, 1) == approx(1.0));
  }
  SECTION("too many positions is refused before touching the buffers") {
    CHECK_THROWS_WITH(embplay::fill_position_similarity(nullptr, 6000, 8, PositionSimilarity::Dot, nullptr),
                      "similarity of 6000 positions needs 6000 x 6000 cells, the limit is 33554432");
    CHECK_THROWS_AS(embplay::fill_position_similarity(nullptr, 100, 0, PositionSimilarity::Dot, nullptr),
                    std::invalid_argument);
  }
  SECTION("names") {
    CHECK(embplay::parse_position_similarity("dot") == PositionSimilarity::Dot);
    CHECK(embplay::parse_position_similarity("cosine") == PositionSimilarity::Cosine);
    CHECK_THROWS_WITH(embplay::parse_position_similarity("euclid"), "unknown similarity 'euclid' (expected dot or cosine)");
  }
}

TEST_CASE("The closed-form sinusoidal similarity equals the Gram matrix of the table", "[pe][similarity]") {
  const auto layout = GENERATE(PeLayout::Interleaved, PeLayout::Split);
  const auto kind = GENERATE(PositionSimilarity::Dot, PositionSimilarity::Cosine);
  for (std::size_t d : {1, 2, 3, 64, 101}) {
    CAPTURE(d, embplay::pe_layout_name(layout));
    const std::size_t n = 150;
    const auto spec = make_spec(d, layout);
    const RowMatrix want = embplay::position_similarity(embplay::sinusoidal_encoding(spec, n), kind);
    std::vector<float> got(n * n, -7.0f);
    embplay::fill_sinusoidal_similarity(spec, n, kind, got.data());
    double worst = 0.0;
    for (std::size_t p = 0; p < n; ++p) {
      for (std::size_t q = 0; q < n; ++q) worst = std::max(worst, std::abs(double(got[p * n + q]) - want(p, q)));
    }
    CHECK(worst <= (kind == PositionSimilarity::Dot ? 1e-4 : 1e-5));
  }
  CHECK_THROWS_WITH(embplay::fill_sinusoidal_similarity(make_spec(8, layout), 6000, kind, nullptr),
                    "similarity of 6000 positions needs 6000 x 6000 cells, the limit is 33554432");
}
