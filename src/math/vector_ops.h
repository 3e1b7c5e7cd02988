// Dense float kernels for the training hot path: dot product and axpy with a fixed
// order of operations.
//
// The dot product keeps eight partial sums combined in a fixed tree, so compilers can
// vectorise it (two 4-lane registers) without reassociating anything: GCC natively and
// clang for WASM SIMD compute exactly the same float operations, which is what lets a
// seeded training run give the same bits natively and in the browser (strict_float.h
// keeps clang from regrouping under the WASM build's -fassociative-math).
#pragma once

#include "math/strict_float.h"

namespace embplay {

inline float dot(const float* __restrict a, const float* __restrict b, int n) noexcept {
  EMBPLAY_STRICT_FLOAT
  float s[8] = {0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f};
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    for (int j = 0; j < 8; ++j) s[j] += a[i + j] * b[i + j];
  }
  float tail = 0.0f;
  for (; i < n; ++i) tail += a[i] * b[i];
  return (((s[0] + s[4]) + (s[1] + s[5])) + ((s[2] + s[6]) + (s[3] + s[7]))) + tail;
}

// y += a * x
inline void axpy(float a, const float* __restrict x, float* __restrict y, int n) noexcept {
  EMBPLAY_STRICT_FLOAT
  for (int i = 0; i < n; ++i) y[i] += a * x[i];
}

// y += x
inline void add_to(const float* __restrict x, float* __restrict y, int n) noexcept {
  EMBPLAY_STRICT_FLOAT
  for (int i = 0; i < n; ++i) y[i] += x[i];
}

// y *= a
inline void scale(float a, float* y, int n) noexcept {
  EMBPLAY_STRICT_FLOAT
  for (int i = 0; i < n; ++i) y[i] *= a;
}

inline void set_zero(float* y, int n) noexcept {
  EMBPLAY_STRICT_FLOAT
  for (int i = 0; i < n; ++i) y[i] = 0.0f;
}

// Starts bringing the n floats at x into the cache, so the miss overlaps other work. Where
// there is a prefetch instruction this is one per cache line (and returns 0); WASM has
// none, so there it loads one float per cache line and returns their sum: store the result
// somewhere (e.g. a member) so the loads are not optimised away. Never affects results.
inline float prefetch(const float* x, int n) noexcept {
  EMBPLAY_STRICT_FLOAT
#if defined(__wasm__)
  float touched = 0.0f;
  for (int i = 0; i < n; i += 16) touched += x[i];
  return touched;
#else
  for (int i = 0; i < n; i += 16) __builtin_prefetch(x + i);
  return 0.0f;
#endif
}

}  // namespace embplay
