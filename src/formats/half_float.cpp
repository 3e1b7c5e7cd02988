// binary16 -> binary32, bit by bit; see half_float.h.
#include "formats/half_float.h"

namespace embplay {

float f16_to_float(std::uint16_t h) noexcept {
  const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
  int exponent = (h >> 10) & 0x1F;
  std::uint32_t fraction = h & 0x3FFu;
  if (exponent == 0x1F) return float_from_bits(sign | 0x7F800000u | (fraction << 13));  // inf, NaN
  if (exponent == 0) {
    if (fraction == 0) return float_from_bits(sign);  // +-0
    // Subnormal: value = fraction * 2^-24; shift the leading 1 into the implicit bit.
    exponent = 1;
    while ((fraction & 0x400u) == 0) {
      fraction <<= 1;
      --exponent;
    }
    fraction &= 0x3FFu;
  }
  return float_from_bits(sign | (static_cast<std::uint32_t>(exponent + 127 - 15) << 23) | (fraction << 13));
}

}  // namespace embplay
