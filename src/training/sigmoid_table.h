// The logistic function and its logarithm from precomputed tables, as word2vec does
// (EXP_TABLE_SIZE 1000 over [-MAX_EXP, MAX_EXP] with MAX_EXP 6; Mikolov et al. 2013).
//
// Outside the range the sigmoid is clipped to 0 or 1, like word2vec's negative-sampling
// branch. The table is filled with our own exp/log built from IEEE basic operations
// only, so the native and WASM builds hold the same bits (libm's exp differs between
// glibc and Emscripten's musl in the last place, and training is chaotic enough that one
// ulp changes every vector).
#pragma once

#include "math/strict_float.h"
#include <vector>

namespace embplay {

// exp and log from +, -, *, / and exact scaling only: identical on every IEEE platform.
double deterministic_exp(double x) noexcept;
double deterministic_log(double x) noexcept;  // x > 0

class SigmoidTable {
 public:
  static constexpr int kDefaultSize = 1000;
  static constexpr float kDefaultMaxExp = 6.0f;

  // Throws std::invalid_argument for size < 2 or max_exp outside (0, 50].
  explicit SigmoidTable(int size = kDefaultSize, float max_exp = kDefaultMaxExp);

  float max_exp() const noexcept { return max_exp_; }
  int size() const noexcept { return static_cast<int>(sigmoid_.size()); }

  // sigma(x) = 1 / (1 + e^-x): 0 at or below -max_exp (and for NaN), 1 at or above max_exp.
  float sigmoid(float x) const noexcept {
    EMBPLAY_STRICT_FLOAT
    if (!(x > -max_exp_)) return 0.0f;
    if (x >= max_exp_) return 1.0f;
    return sigmoid_[index(x)];
  }

  // log sigma(x), the negative-sampling objective's term. Below the range it is x
  // itself (within e^-max_exp), which also carries NaN and infinities through, so a
  // diverging run shows up in its loss; above the range it is 0.
  float log_sigmoid(float x) const noexcept {
    EMBPLAY_STRICT_FLOAT
    if (!(x > -max_exp_)) return x;
    if (x >= max_exp_) return 0.0f;
    return log_sigmoid_[index(x)];
  }

 private:
  int index(float x) const noexcept {
    EMBPLAY_STRICT_FLOAT
    const int i = static_cast<int>((x + max_exp_) * scale_);
    return i < last_ ? i : last_;
  }

  float max_exp_;
  float scale_;  // entries per unit of x
  int last_;
  std::vector<float> sigmoid_;
  std::vector<float> log_sigmoid_;
};

}  // namespace embplay
