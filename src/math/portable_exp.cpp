// See portable_exp.h.
#include "math/portable_exp.h"

#include <cmath>

#include "math/strict_float.h"

EMBPLAY_STRICT_FLOAT

namespace embplay {

namespace {

constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2, top 32 bits (fdlibm's ln2HI)
constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 - kLn2Hi
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr int kDegree = 11;

// 1/i! for i = 0..kDegree, as decimal literals (exact to double rounding).
constexpr double kInverseFactorial[kDegree + 1] = {
    1.0,
    1.0,
    0.5,
    1.66666666666666666667e-01,
    4.16666666666666666667e-02,
    8.33333333333333333333e-03,
    1.38888888888888888889e-03,
    1.98412698412698412698e-04,
    2.48015873015873015873e-05,
    2.75573192239858906526e-06,
    2.75573192239858906526e-07,
    2.50521083854417187751e-08,
};

}  // namespace

double portable_exp(double x) noexcept {
  if (std::isnan(x)) return x;
  if (x > 709.0) return HUGE_VAL;
  if (x < -708.0) return 0.0;
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  double p = kInverseFactorial[kDegree];
  for (int i = kDegree - 1; i >= 0; --i) p = p * r + kInverseFactorial[i];
  return std::ldexp(p, static_cast<int>(k));
}

}  // namespace embplay
