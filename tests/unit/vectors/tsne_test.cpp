// Tests for tsne.h: perplexity calibration, separated clusters stay separated, the
// objective falls, a seed repeats the map, errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "math/random.h"
#include "test_helpers.h"
#include "vectors/tsne.h"

using namespace embplay;

namespace {

// k clusters of m points in 10-D: cluster c is near the unit vector e_c (so cosine separates them).
RowMatrix clusters(int k, int m, std::uint64_t seed) {
  Rng rng(seed);
  RowMatrix x(k * m, 10);
  for (int c = 0; c < k; ++c) {
    for (int i = 0; i < m; ++i) {
      for (int j = 0; j < 10; ++j) x(c * m + i, j) = (j == c ? 1.0f : 0.0f) + rng.uniform(-0.15f, 0.15f);
    }
  }
  return x;
}

double entropy(const Eigen::RowVectorXd& p) {
  double h = 0;
  for (Eigen::Index j = 0; j < p.size(); ++j) if (p(j) > 0) h -= p(j) * std::log(p(j));
  return h;
}

}  // namespace

TEST_CASE("t-SNE affinities have the requested perplexity", "[tsne]") {
  Eigen::MatrixXd x = clusters(3, 20, 5).cast<double>();
  for (Eigen::Index r = 0; r < x.rows(); ++r) x.row(r).normalize();
  const Eigen::MatrixXd p = tsne_conditional_affinities(x, 10.0);
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    CHECK(p.row(i).sum() == test::approx(1.0, 1e-9));
    CHECK(p(i, i) == 0.0);
    CHECK(std::exp(entropy(p.row(i))) == test::approx(10.0, 1e-3));
  }
}

TEST_CASE("t-SNE keeps separated clusters apart and lowers its objective", "[tsne]") {
  const RowMatrix x = clusters(3, 30, 9);
  Tsne t(x, TsneConfig{});
  CHECK(t.perplexity() == test::approx(89.0 / 3.0));  // 30, capped at (n - 1) / 3 for 90 points
  t.step(50);
  const double early = t.kl_divergence();
  t.step(450);
  CHECK(t.iteration() == 500);
  CHECK(t.kl_divergence() < early);
  const RowMatrix& y = t.coords();
  REQUIRE(y.rows() == 90);
  REQUIRE(y.cols() == 2);
  CHECK(y.col(0).mean() == test::approx(0.0, 1e-4));
  // Every point's nearest neighbour on the map is from its own cluster.
  int same = 0;
  for (int i = 0; i < 90; ++i) {
    int best = -1;
    float best_d = std::numeric_limits<float>::infinity();
    for (int j = 0; j < 90; ++j) {
      if (j == i) continue;
      const float d = (y.row(i) - y.row(j)).squaredNorm();
      if (d < best_d) { best_d = d; best = j; }
    }
    same += best / 30 == i / 30;
  }
  CHECK(same == 90);
}

TEST_CASE("t-SNE repeats its map for a seed and differs for another", "[tsne]") {
  const RowMatrix x = clusters(2, 10, 3);
  Tsne a(x, TsneConfig{5.0, 0.0, 7});
  Tsne b(x, TsneConfig{5.0, 0.0, 7});
  Tsne c(x, TsneConfig{5.0, 0.0, 8});
  a.step(30);
  b.step(10);
  b.step(20);
  c.step(30);
  CHECK(a.coords() == b.coords());
  CHECK(a.coords() != c.coords());
}

TEST_CASE("t-SNE rejects bad input with a message", "[tsne]") {
  CHECK_THROWS_WITH(Tsne(RowMatrix::Ones(2, 3), TsneConfig{}), "t-SNE needs between 3 and 2000 points, got 2");
  CHECK_THROWS_WITH(Tsne(RowMatrix::Ones(2001, 3), TsneConfig{}), "t-SNE needs between 3 and 2000 points, got 2001");
  CHECK_THROWS_WITH(Tsne(RowMatrix::Ones(5, 3), TsneConfig{0.0}), "t-SNE perplexity must be positive");
  CHECK_THROWS_WITH(Tsne(RowMatrix::Ones(5, 3), TsneConfig{5.0, -1.0}), "t-SNE learning rate must be positive (or 0 for automatic)");
  RowMatrix bad = RowMatrix::Ones(5, 3);
  bad(2, 2) = std::numeric_limits<float>::infinity();
  CHECK_THROWS_WITH(Tsne(bad, TsneConfig{}), "t-SNE input contains a value that is not finite");
}
