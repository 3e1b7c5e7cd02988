// Tests for skipgram_update.h: one (centre, context) step against finite-difference
// gradients of the objective in double precision, for a whole-word centre (one input row)
// and a subword centre (its own row plus n-gram rows, one of them repeated).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "math/random.h"
#include "test_helpers.h"
#include "training/gradient_check.h"
#include "training/skipgram_update.h"

using namespace embplay;

namespace {

constexpr int kRows = 9;  // input rows: 5 words + 4 buckets
constexpr int kWords = 5;
constexpr int kDim = 4;

double log_sigmoid(double x) { return -std::log1p(std::exp(-x)); }

// J(in, out) for the pair: h = mean of in over `bag`.
double objective(const std::vector<double>& in, const std::vector<double>& out, const std::vector<int>& bag, int target,
                 const std::vector<int>& negatives) {
  std::vector<double> h(kDim, 0.0);
  for (int r : bag) {
    for (int k = 0; k < kDim; ++k) h[k] += in[r * kDim + k] / static_cast<double>(bag.size());
  }
  auto score = [&](int l) {
    double s = 0;
    for (int k = 0; k < kDim; ++k) s += h[k] * out[l * kDim + k];
    return s;
  };
  double j = log_sigmoid(score(target));
  for (int n : negatives) {
    if (n != target) j += log_sigmoid(-score(n));
  }
  return j;
}

void check_step(const std::vector<int>& bag, int target, const std::vector<int>& negatives, std::uint64_t seed) {
  std::vector<float> in(kRows * kDim), out(kWords * kDim);
  Rng rng(seed);
  for (auto& x : in) x = rng.uniform(-0.6f, 0.6f);
  for (auto& x : out) x = rng.uniform(-0.6f, 0.6f);
  const std::vector<double> in0(in.begin(), in.end()), out0(out.begin(), out.end());
  const float alpha = 0.02f;

  const auto grad_in = test::numeric_gradient(in0, [&](const std::vector<double>& x) { return objective(x, out0, bag, target, negatives); });
  const auto grad_out = test::numeric_gradient(out0, [&](const std::vector<double>& x) { return objective(in0, x, bag, target, negatives); });

  std::vector<std::int32_t> rows(bag.begin(), bag.end()), neg(negatives.begin(), negatives.end());
  std::vector<float> h(kDim), e(kDim);
  const float loss = skipgram_update_pair({in.data(), out.data(), kDim}, rows.data(), static_cast<int>(rows.size()), target,
                                          neg.data(), static_cast<int>(neg.size()), alpha, test::fine_sigmoid_table(), h.data(), e.data());
  CHECK(loss == test::approx(-objective(in0, out0, bag, target, negatives), 1e-4));
  for (int i = 0; i < kWords * kDim; ++i) {
    INFO("output weight " << i);
    CHECK(out[i] - out0[i] == test::approx(alpha * grad_out[i], 2e-6));
  }
  // Each input row moves by alpha * dJ/dh per occurrence in the bag, i.e. n times its
  // share dJ/drow = (occurrences / n) dJ/dh: the undivided step of word2vec and fastText.
  const double n = static_cast<double>(bag.size());
  for (int i = 0; i < kRows * kDim; ++i) {
    INFO("input weight " << i);
    CHECK(in[i] - in0[i] == test::approx(alpha * n * grad_in[i], 2e-6));
  }
}

}  // namespace

TEST_CASE("skip-gram step on a whole word moves the weights by alpha times the gradient", "[skipgram][gradient]") {
  check_step({2}, 3, {1, 4, 3, 0}, 21);  // 3 is the target among the noise words: skipped
}

TEST_CASE("skip-gram step on subword rows moves every row by alpha times the gradient", "[skipgram][subwords][gradient]") {
  check_step({2, 6, 8, 6}, 1, {0, 4}, 22);  // row 6: an n-gram that occurs twice in the word
}
