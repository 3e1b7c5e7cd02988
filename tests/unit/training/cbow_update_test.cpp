// Tests for cbow_update.h: the per-word and batched CBOW negative-sampling steps against
// finite-difference gradients of the objective, computed here in double precision with
// the exact logistic function.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "training/gradient_check.h"
#include "training/cbow_update.h"
#include "math/random.h"
#include "test_helpers.h"

using namespace embplay;

namespace {

constexpr int kVocab = 7;
constexpr int kDim = 5;

struct Weights {
  std::vector<float> in, out;
  explicit Weights(std::uint64_t seed) : in(kVocab * kDim), out(kVocab * kDim) {
    Rng rng(seed);
    for (auto& x : in) x = rng.uniform(-0.6f, 0.6f);
    for (auto& x : out) x = rng.uniform(-0.6f, 0.6f);
  }
  CbowWeightsView view() { return {in.data(), out.data(), kDim}; }
};

double log_sigmoid(double x) { return -std::log1p(std::exp(-x)); }

// The objective for one centre word as a function of its context mean h and the output rows.
double objective(const std::vector<double>& h, const std::vector<double>& out, int target, const std::vector<int>& negatives) {
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

std::vector<double> context_mean(const std::vector<float>& in, const std::vector<int>& context) {
  std::vector<double> h(kDim, 0.0);
  for (int c : context) {
    for (int k = 0; k < kDim; ++k) h[k] += in[c * kDim + k];
  }
  for (auto& x : h) x /= static_cast<double>(context.size());
  return h;
}

std::vector<double> as_double(const std::vector<float>& v) { return std::vector<double>(v.begin(), v.end()); }

// A table fine enough that its error is far below the tolerances used here.
}  // namespace

TEST_CASE("per-word CBOW step moves the weights by alpha times the gradient", "[cbow][gradient]") {
  Weights w(11);
  const std::vector<int> context = {1, 2, 4};
  const int target = 3;
  const std::vector<int> negatives = {5, 6, 3, 0};  // 3 is the target: skipped
  const float alpha = 0.01f;
  const auto in0 = w.in, out0 = w.out;
  const auto h = context_mean(in0, context);

  const auto grad_h = test::numeric_gradient(h, [&](const std::vector<double>& x) { return objective(x, as_double(out0), target, negatives); });
  const auto grad_out = test::numeric_gradient(as_double(out0), [&](const std::vector<double>& x) { return objective(h, x, target, negatives); });

  std::vector<std::int32_t> ctx(context.begin(), context.end()), neg(negatives.begin(), negatives.end());
  std::vector<float> hs(kDim), es(kDim);
  const float loss = cbow_update_word(w.view(), ctx.data(), 3, target, neg.data(), 4, alpha, test::fine_sigmoid_table(), hs.data(), es.data());

  CHECK(loss == test::approx(-objective(h, as_double(out0), target, negatives), 1e-4));
  for (int i = 0; i < kVocab * kDim; ++i) {
    INFO("output weight " << i);
    CHECK(w.out[i] - out0[i] == test::approx(alpha * grad_out[i], 2e-6));
  }
  // word2vec applies alpha * dJ/dh to every context word, undivided.
  for (int id = 0; id < kVocab; ++id) {
    const bool in_context = id == 1 || id == 2 || id == 4;
    for (int k = 0; k < kDim; ++k) {
      INFO("input row " << id << " column " << k);
      CHECK(w.in[id * kDim + k] - in0[id * kDim + k] == test::approx(in_context ? alpha * grad_h[k] : 0.0, 2e-6));
    }
  }
}

TEST_CASE("batched CBOW step equals alpha times the summed gradient at the old weights", "[cbow][gradient]") {
  Weights w(12);
  const std::vector<std::vector<int>> contexts = {{1, 2}, {2, 4, 4}, {6}};
  const std::vector<int> targets = {3, 5, 3};  // a repeated centre word
  const std::vector<int> negatives = {4, 5, 0};  // 5 is centre 1's own word: masked for that row only
  const float alpha = 0.02f;
  const auto in0 = w.in, out0 = w.out;
  const int b = 3;

  std::vector<std::vector<double>> hs;
  for (const auto& c : contexts) hs.push_back(context_mean(in0, c));
  auto total = [&](const std::vector<double>& out) {
    double j = 0;
    for (int i = 0; i < b; ++i) j += objective(hs[i], out, targets[i], negatives);
    return j;
  };
  const auto grad_out = test::numeric_gradient(as_double(out0), total);
  std::vector<double> expected_in_delta(kVocab * kDim, 0.0);
  double expected_loss = 0;
  for (int i = 0; i < b; ++i) {
    const auto grad_h = test::numeric_gradient(hs[i], [&](const std::vector<double>& x) { return objective(x, as_double(out0), targets[i], negatives); });
    for (int c : contexts[i]) {
      for (int k = 0; k < kDim; ++k) expected_in_delta[c * kDim + k] += alpha * grad_h[k];
    }
    expected_loss -= objective(hs[i], as_double(out0), targets[i], negatives);
  }

  std::vector<std::int32_t> flat, tg(targets.begin(), targets.end()), neg(negatives.begin(), negatives.end());
  std::vector<int> starts = {0};
  for (const auto& c : contexts) {
    flat.insert(flat.end(), c.begin(), c.end());
    starts.push_back(static_cast<int>(flat.size()));
  }
  CbowBatchScratch scratch;
  scratch.reserve(b, 3, kDim);
  const CbowBatch batch{tg.data(), b, flat.data(), starts.data()};
  const float loss = cbow_update_batch(w.view(), batch, neg.data(), 3, alpha, test::fine_sigmoid_table(), scratch);

  CHECK(loss == test::approx(expected_loss, 1e-4));
  for (int i = 0; i < kVocab * kDim; ++i) {
    INFO("weight " << i);
    CHECK(w.out[i] - out0[i] == test::approx(alpha * grad_out[i], 2e-6));
    CHECK(w.in[i] - in0[i] == test::approx(expected_in_delta[i], 2e-6));
  }
}

TEST_CASE("a batch of one centre word is the per-word step", "[cbow][gradient]") {
  Weights a(13), b(13);
  const std::int32_t context[] = {0, 2, 5};
  const std::int32_t negatives[] = {1, 6, 4};
  std::vector<float> h(kDim), e(kDim);
  const SigmoidTable table;
  const float la = cbow_update_word(a.view(), context, 3, 3, negatives, 3, 0.05f, table, h.data(), e.data());
  const std::int32_t target = 3;
  const int starts[] = {0, 3};
  CbowBatchScratch scratch;
  scratch.reserve(1, 3, kDim);
  const float lb = cbow_update_batch(b.view(), {&target, 1, context, starts}, negatives, 3, 0.05f, table, scratch);
  CHECK(la == test::approx(lb, 1e-6));
  for (int i = 0; i < kVocab * kDim; ++i) {
    CHECK(a.in[i] == test::approx(b.in[i], 1e-6));
    CHECK(a.out[i] == test::approx(b.out[i], 1e-6));
  }
}
