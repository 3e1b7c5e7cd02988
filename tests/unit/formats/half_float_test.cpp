// Tests for half_float.h: known values, and all 65,536 binary16 and bfloat16 patterns against
// the formats' definitions evaluated with std::ldexp (an independent route to the same number).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "formats/half_float.h"

using namespace embplay;

namespace {

std::uint32_t bits_of(float f) {
  std::uint32_t b;
  std::memcpy(&b, &f, sizeof b);
  return b;
}

// (-1)^s 2^(e-bias) (1 + f/2^fraction_bits), subnormal for e = 0, inf/NaN for e all ones.
double by_definition(std::uint16_t h, int exponent_bits, int fraction_bits) {
  const int bias = (1 << (exponent_bits - 1)) - 1;
  const int e = (h >> fraction_bits) & ((1 << exponent_bits) - 1);
  const int f = h & ((1 << fraction_bits) - 1);
  const double sign = (h & 0x8000) ? -1.0 : 1.0;
  if (e == (1 << exponent_bits) - 1) return f ? std::nan("") : sign * INFINITY;
  if (e == 0) return sign * std::ldexp(f, 1 - bias - fraction_bits);
  return sign * std::ldexp(f + (1 << fraction_bits), e - bias - fraction_bits);
}

}  // namespace

TEST_CASE("half floats: known values", "[half-float]") {
  CHECK(f16_to_float(0x3C00) == 1.0f);
  CHECK(f16_to_float(0xC000) == -2.0f);
  CHECK(f16_to_float(0x7BFF) == 65504.0f);           // largest binary16
  CHECK(f16_to_float(0x0001) == std::ldexp(1.0f, -24));  // smallest subnormal
  CHECK(f16_to_float(0x0400) == std::ldexp(1.0f, -14));  // smallest normal
  CHECK(f16_to_float(0x3555) == 0.333251953125f);
  CHECK(std::isinf(f16_to_float(0x7C00)));
  CHECK(std::isnan(f16_to_float(0x7E00)));
  CHECK(bits_of(f16_to_float(0x8000)) == 0x80000000u);  // -0 keeps its sign
  CHECK(bf16_to_float(0x3F80) == 1.0f);
  CHECK(bf16_to_float(0x4049) == 3.140625f);
  CHECK(bf16_to_float(0xC2F7) == -123.5f);
}

TEST_CASE("half floats: every pattern equals its definition exactly", "[half-float]") {
  int mismatches = 0;
  for (std::uint32_t h = 0; h <= 0xFFFF; ++h) {
    const auto x = static_cast<std::uint16_t>(h);
    const double f16 = by_definition(x, 5, 10);
    const double bf16 = by_definition(x, 8, 7);
    const float a = f16_to_float(x), b = bf16_to_float(x);
    if (std::isnan(f16) ? !std::isnan(a) : static_cast<double>(a) != f16) ++mismatches;
    if (std::isnan(bf16) ? !std::isnan(b) : static_cast<double>(b) != bf16) ++mismatches;
  }
  CHECK(mismatches == 0);
}
