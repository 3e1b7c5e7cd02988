// The row softmax: sums to 1, stable for huge scores, exact zeros past the visible entries,
// and independent of the order of the row's entries (bit for bit).
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <vector>

#include "math/random.h"
#include "test_helpers.h"
#include "transformer/attention_softmax.h"

using namespace embplay;
using embplay::test::approx;

namespace {

std::vector<float> softmax(const std::vector<float>& s, std::size_t visible) {
  std::vector<double> exps(s.size());
  std::vector<float> w(s.size());
  softmax_row(s.data(), visible, s.size(), exps.data(), w.data());
  return w;
}

double sum(const std::vector<float>& w) {
  double total = 0;
  for (float v : w) total += v;
  return total;
}

}  // namespace

TEST_CASE("softmax: two equal scores and a score one higher", "[attention][softmax]") {
  // [0, 0, 1]: e^0 = 1, 1, e; sum 2 + e = 4.718281828; weights 1/4.718281828 = 0.2119416 and
  // e/4.718281828 = 0.5761169 (worked out by hand).
  const auto w = softmax({0.0f, 0.0f, 1.0f}, 3);
  CHECK(w[0] == approx(0.2119416));
  CHECK(w[1] == approx(0.2119416));
  CHECK(w[2] == approx(0.5761169));
}

TEST_CASE("softmax rows sum to 1 and shifting the scores changes nothing", "[attention][softmax]") {
  Rng rng(5);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<float> s(1 + rng.below(200));
    for (float& v : s) v = rng.uniform(-30.0f, 30.0f);
    const auto w = softmax(s, s.size());
    CHECK(sum(w) == approx(1.0));
    for (float& v : s) v += 17.0f;
    const auto shifted = softmax(s, s.size());
    for (std::size_t j = 0; j < w.size(); ++j) CHECK(shifted[j] == approx(w[j]));
  }
}

TEST_CASE("softmax stays finite for scores of +-1e4", "[attention][softmax]") {
  const auto w = softmax({1e4f, -1e4f, 0.0f, 1e4f}, 4);
  for (float v : w) CHECK(std::isfinite(v));
  CHECK(w[0] == approx(0.5));
  CHECK(w[1] == 0.0f);
  CHECK(w[2] == 0.0f);
  CHECK(w[3] == approx(0.5));
  const auto low = softmax({-1e4f, -1e4f}, 2);  // naive exp(-1e4) = 0 would give 0 / 0 here
  CHECK(low[0] == approx(0.5));
  CHECK(low[1] == approx(0.5));
}

TEST_CASE("softmax: entries past `visible` get exactly 0 and are never read", "[attention][softmax]") {
  const float inf = std::numeric_limits<float>::infinity();
  const auto w = softmax({1.0f, 2.0f, inf, std::nanf("")}, 2);
  CHECK(w[2] == 0.0f);
  CHECK(w[3] == 0.0f);
  CHECK(w[0] + w[1] == approx(1.0));
  CHECK(w[1] == approx(std::exp(1.0) / (1.0 + std::exp(1.0))));
}

TEST_CASE("softmax does not depend on the order of the row, bit for bit", "[attention][softmax]") {
  Rng rng(11);
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<float> s(2 + rng.below(300));
    for (float& v : s) v = rng.uniform(-8.0f, 8.0f);
    const auto w = softmax(s, s.size());
    std::vector<std::size_t> perm(s.size());
    for (std::size_t i = 0; i < perm.size(); ++i) perm[i] = i;
    for (std::size_t i = perm.size() - 1; i > 0; --i) std::swap(perm[i], perm[rng.below(static_cast<std::uint32_t>(i + 1))]);
    std::vector<float> shuffled(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) shuffled[i] = s[perm[i]];
    const auto ws = softmax(shuffled, s.size());
    for (std::size_t i = 0; i < s.size(); ++i) REQUIRE(ws[i] == w[perm[i]]);
  }
}

TEST_CASE("the softmax denominator has the same bits in any order; a plain sum does not", "[attention][softmax]") {
  Rng rng(17);
  int plain_differs = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<double> exps(512);
    for (double& v : exps) v = static_cast<double>(rng.uniform01()) * rng.uniform01();
    const double fixed = order_independent_sum(exps.data(), exps.size());
    double plain = 0;
    for (double v : exps) plain += v;
    std::reverse(exps.begin(), exps.end());
    REQUIRE(order_independent_sum(exps.data(), exps.size()) == fixed);
    double plain_reversed = 0;
    for (double v : exps) plain_reversed += v;
    plain_differs += plain_reversed != plain;
    CHECK(fixed == approx(plain, 1e-12));
  }
  CHECK(plain_differs > 0);  // why the fixed point is needed at all
}
