// See attention_softmax.h.
#include "transformer/attention_softmax.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "math/portable_exp.h"
#include "math/strict_float.h"

EMBPLAY_STRICT_FLOAT

namespace embplay {

namespace {

constexpr double kFixedPointOne = 4503599627370496.0;  // 2^52

float row_max(const float* scores, std::size_t visible) {
  float m = scores[0];
  for (std::size_t j = 1; j < visible; ++j) m = scores[j] > m ? scores[j] : m;
  return m;
}

}  // namespace

double order_independent_sum(const double* exps, std::size_t count) {
  std::int64_t fixed_sum = 0;
  for (std::size_t j = 0; j < count; ++j) {
    fixed_sum += static_cast<std::int64_t>(exps[j] * kFixedPointOne + 0.5);  // round, >= 0
  }
  return static_cast<double>(fixed_sum) / kFixedPointOne;
}

void softmax_row(const float* scores, std::size_t visible, std::size_t n, double* exps, float* weights) {
  const double m = row_max(scores, visible);
  // exp(s_j - m) <= 1. Below -708 the clamp gives exp(-708) ~ 3e-308 instead of 0: it vanishes
  // in the fixed-point sum and in the float weight alike, and keeps the loop free of branches.
  for (std::size_t j = 0; j < visible; ++j) exps[j] = std::max(static_cast<double>(scores[j]) - m, -708.0);
  portable_exp_in_range(exps, exps, visible);
  const double sum = order_independent_sum(exps, visible);  // >= 1: exp(max - max) = 1 is in it
  const double inverse = 1.0 / sum;
  for (std::size_t j = 0; j < visible; ++j) weights[j] = static_cast<float>(exps[j] * inverse);
  for (std::size_t j = visible; j < n; ++j) weights[j] = 0.0f;
}

}  // namespace embplay
