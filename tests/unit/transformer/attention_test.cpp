// Scaled dot-product attention (eq. 1 of Vaswani et al. 2017) on whole sentences: a 3 x 3
// example worked out by hand, scores = X X^T with identity projections, the causal mask, heads
// as column slices, and permutation equivariance, exact without positions.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <vector>

#include "math/random.h"
#include "test_helpers.h"
#include "transformer/attention.h"
#include "transformer/attention_projection.h"
#include "transformer/embedding_table.h"
#include "transformer/model_input.h"
#include "transformer/sinusoidal_encoding.h"

using namespace embplay;
using embplay::test::approx;

namespace {

AttentionConfig config(std::size_t n, std::size_t d, std::size_t heads = 1,
                       AttentionProjection proj = AttentionProjection::Identity, bool scaled = true, bool causal = false) {
  return checked_attention_config(static_cast<double>(n), static_cast<double>(d), static_cast<double>(heads), proj,
                                  scaled, causal, 7);
}

RowMatrix random_rows(std::size_t n, std::size_t d, std::uint64_t seed) {
  RowMatrix x(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
  Rng rng(seed);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniform(-1.0f, 1.0f);
  return x;
}

std::vector<std::size_t> random_permutation(std::size_t n, Rng& rng) {
  std::vector<std::size_t> p(n);
  for (std::size_t i = 0; i < n; ++i) p[i] = i;
  for (std::size_t i = n - 1; i > 0; --i) std::swap(p[i], p[rng.below(static_cast<std::uint32_t>(i + 1))]);
  return p;
}

// Row t of P X is row perm[t] of X.
RowMatrix permute_rows(const RowMatrix& x, const std::vector<std::size_t>& perm) {
  RowMatrix out(x.rows(), x.cols());
  for (std::size_t t = 0; t < perm.size(); ++t) out.row(static_cast<Eigen::Index>(t)) = x.row(static_cast<Eigen::Index>(perm[t]));
  return out;
}

double row_sum(const float* row, std::size_t n) {
  double s = 0;
  for (std::size_t j = 0; j < n; ++j) s += row[j];
  return s;
}

}  // namespace

TEST_CASE("attention of a 3 x 3 example worked out by hand", "[attention]") {
  // X = [[1,0],[0,1],[1,1]], identity projections, one head, no scaling:
  // scores X X^T = [[1,0,1],[0,1,1],[1,1,2]].
  // Row 0: exp(1, 0, 1) / (2e + 1) = 0.4223188, 0.1553624, 0.4223188 (2e + 1 = 6.4365637).
  // Row 1: the same numbers with the first two swapped.
  // Row 2: exp(1, 1, 2) / (2e + e^2) = 1/(2+e), 1/(2+e), e/(2+e) = 0.2119416, 0.2119416, 0.5761169.
  // Output A V (V = X): row 0 = 0.4223188 [1,0] + 0.1553624 [0,1] + 0.4223188 [1,1] = [0.8446376, 0.5776812];
  // row 2 = 0.2119416 [1,0] + 0.2119416 [0,1] + 0.5761169 [1,1] = [0.7880585, 0.7880585].
  RowMatrix x(3, 2);
  x << 1, 0, 0, 1, 1, 1;
  const AttentionResult r = self_attention(x, config(3, 2, 1, AttentionProjection::Identity, false), true);
  const float expected_scores[9] = {1, 0, 1, 0, 1, 1, 1, 1, 2};
  for (int i = 0; i < 9; ++i) CHECK(r.scores[i] == expected_scores[i]);
  const double expected_weights[9] = {0.4223188, 0.1553624, 0.4223188, 0.1553624, 0.4223188,
                                      0.4223188, 0.2119416, 0.2119416, 0.5761169};
  for (int i = 0; i < 9; ++i) CHECK(r.weights[i] == approx(expected_weights[i]));
  CHECK(r.output[0] == approx(0.8446376));
  CHECK(r.output[1] == approx(0.5776812));
  CHECK(r.output[4] == approx(0.7880585));
  CHECK(r.output[5] == approx(0.7880585));

  SECTION("with the causal mask") {
    // Row 0 sees only itself: [1, 0, 0]. Row 1 sees [0, 1]: 1/(1+e), e/(1+e) = 0.2689414, 0.7310586.
    // Row 2 sees everything: unchanged.
    const AttentionResult c = self_attention(x, config(3, 2, 1, AttentionProjection::Identity, false, true));
    const double expected[9] = {1, 0, 0, 0.2689414, 0.7310586, 0, 0.2119416, 0.2119416, 0.5761169};
    for (int i = 0; i < 9; ++i) CHECK(c.weights[i] == approx(expected[i]));
  }
  SECTION("scaled by 1/sqrt(d_k), d_k = 2") {
    // Row 2: scores [1, 1, 2] / sqrt 2 = [0.7071068, 0.7071068, 1.4142136]; exp differences
    // relative to the max: e^-0.7071068 = 0.4930687; weights 0.4930687 / (2 * 0.4930687 + 1) =
    // 0.2482551 (twice) and 1 / 1.9861374 = 0.5034898.
    const AttentionResult s = self_attention(x, config(3, 2));
    CHECK(s.scores[6] == approx(0.7071068));
    CHECK(s.scores[8] == approx(1.4142136));
    CHECK(s.weights[6] == approx(0.2482551));
    CHECK(s.weights[8] == approx(0.5034898));
  }
}

TEST_CASE("rows of the weights sum to 1", "[attention]") {
  const RowMatrix x = random_rows(37, 24, 3);
  for (const auto proj : {AttentionProjection::Identity, AttentionProjection::Random}) {
    for (const bool causal : {false, true}) {
      const AttentionResult r = self_attention(x, config(37, 24, 3, proj, true, causal));
      for (std::size_t h = 0; h < 3; ++h) {
        for (std::size_t i = 0; i < 37; ++i) CHECK(row_sum(r.head_weights(h) + i * 37, 37) == approx(1.0));
      }
    }
  }
}

TEST_CASE("the causal mask gives exact zeros above the diagonal", "[attention]") {
  const RowMatrix x = random_rows(20, 8, 4);
  const AttentionResult r = self_attention(x, config(20, 8, 2, AttentionProjection::Random, true, true));
  for (std::size_t h = 0; h < 2; ++h) {
    for (std::size_t i = 0; i < 20; ++i) {
      for (std::size_t j = 0; j < 20; ++j) {
        const float w = r.head_weights(h)[i * 20 + j];
        const float s = r.head_scores(h)[i * 20 + j];
        if (j > i) {
          REQUIRE(w == 0.0f);
          REQUIRE(s == -std::numeric_limits<float>::infinity());
        } else {
          REQUIRE(w > 0.0f);
          REQUIRE(std::isfinite(s));
        }
      }
    }
  }
}

TEST_CASE("identity projections: the scores are X X^T, scaled by 1/sqrt(d_k) per head", "[attention]") {
  const std::size_t n = 9, d = 12;
  const RowMatrix x = random_rows(n, d, 8);
  const Eigen::MatrixXd xd = x.cast<double>();
  SECTION("one head") {
    const AttentionResult r = self_attention(x, config(n, d, 1, AttentionProjection::Identity, false));
    const Eigen::MatrixXd gram = xd * xd.transpose();
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) CHECK(r.scores[i * n + j] == approx(gram(i, j), 1e-5));
    }
  }
  SECTION("three heads, each the dot products of its own 4 columns, / sqrt(4)") {
    const AttentionResult r = self_attention(x, config(n, d, 3));
    for (std::size_t h = 0; h < 3; ++h) {
      const Eigen::MatrixXd slice = xd.middleCols(static_cast<Eigen::Index>(4 * h), 4);
      const Eigen::MatrixXd gram = slice * slice.transpose() / 2.0;
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) CHECK(r.head_scores(h)[i * n + j] == approx(gram(i, j), 1e-5));
      }
    }
  }
}

TEST_CASE("random projections: head j uses columns j d_k .. (j+1) d_k - 1 of X W_Q and X W_K", "[attention]") {
  const std::size_t n = 6, d = 8;
  const RowMatrix x = random_rows(n, d, 12);
  const AttentionConfig c = config(n, d, 2, AttentionProjection::Random);
  const ProjectionWeights w = random_projection_weights(d, c.seed);
  const Eigen::MatrixXd q = x.cast<double>() * w.query.cast<double>();
  const Eigen::MatrixXd k = x.cast<double>() * w.key.cast<double>();
  const AttentionResult r = self_attention(x, c);
  for (std::size_t h = 0; h < 2; ++h) {
    const Eigen::MatrixXd s = q.middleCols(static_cast<Eigen::Index>(4 * h), 4) *
                              k.middleCols(static_cast<Eigen::Index>(4 * h), 4).transpose() / 2.0;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) CHECK(r.head_scores(h)[i * n + j] == approx(s(i, j), 1e-5));
    }
  }
  SECTION("the heads' outputs, concatenated, are softmax(...) V per slice") {
    const AttentionResult o = self_attention(x, c, true);
    const Eigen::MatrixXd v = x.cast<double>() * w.value.cast<double>();
    for (std::size_t h = 0; h < 2; ++h) {
      for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t col = 0; col < 4; ++col) {
          double expected = 0;
          for (std::size_t j = 0; j < n; ++j) expected += o.head_weights(h)[i * n + j] * v(j, 4 * h + col);
          CHECK(o.output[i * d + 4 * h + col] == approx(expected, 1e-5));
        }
      }
    }
  }
}

TEST_CASE("permutation equivariance: attention(P X) = P attention(X) P^T exactly, without positions", "[attention]") {
  // Every score is one dot product of two rows, each projected row depends only on its own
  // input row, and the softmax sum does not depend on the order of a row: so permuting the
  // tokens permutes the rows and columns of every matrix and changes no bit.
  Rng rng(2024);
  for (int trial = 0; trial < 12; ++trial) {
    const std::size_t n = 2 + rng.below(40);
    const std::size_t heads = std::size_t{1} << rng.below(3);
    const std::size_t d = heads * (1 + rng.below(20));
    const auto proj = trial % 2 ? AttentionProjection::Random : AttentionProjection::Identity;
    const RowMatrix x = random_rows(n, d, 100 + trial);
    const auto perm = random_permutation(n, rng);
    const AttentionConfig c = config(n, d, heads, proj);
    const AttentionResult a = self_attention(x, c);
    const AttentionResult b = self_attention(permute_rows(x, perm), c);
    for (std::size_t h = 0; h < heads; ++h) {
      for (std::size_t s = 0; s < n; ++s) {
        for (std::size_t t = 0; t < n; ++t) {
          REQUIRE(b.head_scores(h)[s * n + t] == a.head_scores(h)[perm[s] * n + perm[t]]);
          REQUIRE(b.head_weights(h)[s * n + t] == a.head_weights(h)[perm[s] * n + perm[t]]);
        }
      }
    }
  }
}

TEST_CASE("with sinusoidal positions, shuffling a sentence with a repeated word changes its attention",
          "[attention]") {
  // "the cat saw the dog": "the" at positions 0 and 3. Without positions both "the" rows of X
  // are the same embedding, so swapping tokens only permutes the matrices. With positions,
  // X = E + P: after a shuffle each word meets another position row, the two "the" rows differ
  // from each other and from before, and no permutation of the old matrix gives the new one.
  const std::vector<std::int32_t> ids = {0, 1, 2, 0, 3};
  const EmbeddingTable table(4, 16, 3);
  const RowMatrix e = table.lookup(ids);
  const std::vector<std::size_t> perm = {3, 1, 4, 0, 2};  // "the cat dog the saw"
  SinusoidalSpec spec;
  spec.d_model = 16;
  const RowMatrix p = sinusoidal_encoding(spec, 5);
  const AttentionConfig c = config(5, 16);
  const AttentionResult a = self_attention(model_input(e, p), c);
  const AttentionResult b = self_attention(model_input(permute_rows(e, perm), p), c);
  double worst = 0;
  for (std::size_t s = 0; s < 5; ++s) {
    for (std::size_t t = 0; t < 5; ++t) {
      worst = std::max(worst, static_cast<double>(std::fabs(b.weights[s * 5 + t] - a.weights[perm[s] * 5 + perm[t]])));
    }
  }
  CHECK(worst > 1e-3);
  SECTION("and without positions the same shuffle changes nothing") {
    const AttentionResult a0 = self_attention(e, c);
    const AttentionResult b0 = self_attention(permute_rows(e, perm), c);
    for (std::size_t s = 0; s < 5; ++s) {
      for (std::size_t t = 0; t < 5; ++t) REQUIRE(b0.weights[s * 5 + t] == a0.weights[perm[s] * 5 + perm[t]]);
    }
  }
}

TEST_CASE("self_attention rejects an X that does not match the config, and non-finite values", "[attention]") {
  RowMatrix x = random_rows(4, 8, 1);
  CHECK_THROWS_WITH(self_attention(x, config(5, 8)), "X is 4 x 8, the config says 5 x 8");
  x(2, 3) = std::numeric_limits<float>::quiet_NaN();
  CHECK_THROWS_WITH(self_attention(x, config(4, 8)), Catch::Contains("values must be finite"));
}
