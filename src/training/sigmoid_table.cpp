// See sigmoid_table.h.
#include "training/sigmoid_table.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "math/strict_float.h"

EMBPLAY_STRICT_FLOAT

namespace embplay {

namespace {
constexpr double kLn2 = 0.69314718055994530942;
}

double deterministic_exp(double x) noexcept {
  if (x > 700.0) return HUGE_VAL;
  if (x < -700.0) return 0.0;
  // x = k ln2 + r with |r| <= ln2 / 2; exp(r) by its Taylor series (converged to
  // double precision after 18 terms); scaling by 2^k is exact.
  const double k = std::floor(x / kLn2 + 0.5);
  const double r = x - k * kLn2;
  double term = 1.0;
  double sum = 1.0;
  for (int i = 1; i <= 18; ++i) {
    term = term * r / i;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

double deterministic_log(double x) noexcept {
  // x = m 2^e with m in [sqrt(1/2), sqrt(2)); log m = 2 atanh(t), t = (m - 1) / (m + 1).
  int e = 0;
  double m = std::frexp(x, &e);  // m in [0.5, 1), exact
  if (m < 0.70710678118654752440) {
    m *= 2.0;
    --e;
  }
  const double t = (m - 1.0) / (m + 1.0);
  const double t2 = t * t;
  double power = t;
  double sum = 0.0;
  for (int i = 1; i <= 41; i += 2) {  // |t| <= 0.172: 21 terms reach double precision
    sum += power / i;
    power *= t2;
  }
  return 2.0 * sum + e * kLn2;
}

SigmoidTable::SigmoidTable(int size, float max_exp) {
  if (size < 2) throw std::invalid_argument("sigmoid table size must be at least 2, got " + std::to_string(size));
  if (!(max_exp > 0.0f && max_exp <= 50.0f)) {
    throw std::invalid_argument("sigmoid table range must be in (0, 50], got " + std::to_string(max_exp));
  }
  max_exp_ = max_exp;
  scale_ = static_cast<float>(size) / (2.0f * max_exp);
  last_ = size - 1;
  sigmoid_.resize(static_cast<std::size_t>(size));
  log_sigmoid_.resize(static_cast<std::size_t>(size));
  for (int i = 0; i < size; ++i) {
    // The centre of bucket i (word2vec uses its left edge).
    const double x = ((i + 0.5) / size * 2.0 - 1.0) * max_exp;
    const double e = deterministic_exp(-x);
    sigmoid_[static_cast<std::size_t>(i)] = static_cast<float>(1.0 / (1.0 + e));
    log_sigmoid_[static_cast<std::size_t>(i)] = static_cast<float>(-deterministic_log(1.0 + e));
  }
}

}  // namespace embplay
