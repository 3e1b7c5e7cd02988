// exp(x) computed the same way, to the last bit, in every build.
//
// glibc's and musl's std::exp may differ in the last bit, and the WASM build compiles with
// -fassociative-math; attention's softmax must give the native CLI and the WASM module the
// same weights bit for bit. portable_exp uses only IEEE +, -, * and exact scaling by 2^k,
// under EMBPLAY_STRICT_FLOAT (math/strict_float.h), so the result is fixed by IEEE 754.
//
// Method (Cody & Waite 1980, "Software Manual for the Elementary Functions"): x = k ln2 + r,
// k = x / ln2 rounded to the nearest integer (the 1.5 * 2^52 trick: adding and subtracting it
// rounds, exactly, with no library call), so |r| <= ln2/2; ln2 split into a high part with
// trailing zero bits (k * kLn2Hi is exact) and a low part; exp(r) by its Taylor polynomial of
// degree 11 in Horner form, whose truncation error (ln2/2)^12 / 12! is about 6e-15 relative;
// exp(x) = 2^k exp(r), 2^k written directly as the bits of a double (k sits in the low bits of
// x / ln2 + 1.5 * 2^52).
// Accuracy: within 1e-14 relative of the true value for x in [-708, 709]
// (tests/unit/math/portable_exp_test.cpp). Below -708 it returns 0, above 709 +infinity;
// NaN gives NaN. Inline so that a loop over a row of scores can overlap the polynomials.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "math/strict_float.h"

namespace embplay {

namespace portable_exp_detail {
constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2, top 32 bits (fdlibm's ln2HI)
constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 - kLn2Hi
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kRoundingShift = 6755399441055744.0;  // 1.5 * 2^52
// 1/i! for i = 0..11, as decimal literals (exact to double rounding).
constexpr double kInverseFactorial[12] = {
    1.0, 1.0, 0.5, 1.66666666666666666667e-01, 4.16666666666666666667e-02, 8.33333333333333333333e-03,
    1.38888888888888888889e-03, 1.98412698412698412698e-04, 2.48015873015873015873e-05,
    2.75573192239858906526e-06, 2.75573192239858906526e-07, 2.50521083854417187751e-08,
};
}  // namespace portable_exp_detail

// exp(x) for x in [-708, 709], without branches, so a loop over a row of scores vectorises.
inline double portable_exp_in_range(double x) noexcept {
  EMBPLAY_STRICT_FLOAT
  using namespace portable_exp_detail;
  const double shifted = x * kInvLn2 + kRoundingShift;  // the nearest integer k to x / ln2, in the low bits
  const double k = shifted - kRoundingShift;
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  double p = kInverseFactorial[11];
  for (int i = 10; i >= 0; --i) p = p * r + kInverseFactorial[i];
  std::uint64_t bits;
  std::memcpy(&bits, &shifted, sizeof bits);  // 0x4338000000000000 + k
  bits = (bits + 1023) << 52;                 // (k + 1023) << 52: the exponent field of 2^k
  double scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

// out[i] = portable_exp_in_range(x[i]) for i < n (out may be x): the same operations on two
// lanes at a time (GCC's and clang's vector extension: SSE2 natively, WASM SIMD in the browser),
// so every element has exactly the bits of the scalar function.
inline void portable_exp_in_range(const double* x, double* out, std::size_t n) noexcept {
  EMBPLAY_STRICT_FLOAT
  using namespace portable_exp_detail;
  typedef double Double2 __attribute__((vector_size(16)));
  typedef std::uint64_t Bits2 __attribute__((vector_size(16)));
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) {
    Double2 v;
    std::memcpy(&v, x + i, sizeof v);
    const Double2 shifted = v * kInvLn2 + kRoundingShift;
    const Double2 k = shifted - kRoundingShift;
    const Double2 r = (v - k * kLn2Hi) - k * kLn2Lo;
    Double2 p = {kInverseFactorial[11], kInverseFactorial[11]};
    for (int j = 10; j >= 0; --j) p = p * r + kInverseFactorial[j];
    Bits2 bits;
    std::memcpy(&bits, &shifted, sizeof bits);
    bits = (bits + 1023) << 52;
    Double2 scale;
    std::memcpy(&scale, &bits, sizeof scale);
    p = p * scale;
    std::memcpy(out + i, &p, sizeof p);
  }
  for (; i < n; ++i) out[i] = portable_exp_in_range(x[i]);
}

inline double portable_exp(double x) noexcept {
  if (std::isnan(x)) return x;
  if (x > 709.0) return HUGE_VAL;
  if (x < -708.0) return 0.0;
  return portable_exp_in_range(x);
}

}  // namespace embplay
