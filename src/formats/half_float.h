// 16-bit floats to float32, exactly: IEEE 754 binary16 ("F16", half precision: 1 sign,
// 5 exponent, 10 fraction bits) and bfloat16 ("BF16": the top 16 bits of a float32, 1 sign,
// 8 exponent, 7 fraction bits; Google Brain's format, used by most recent checkpoints).
// Every binary16 and bfloat16 value, subnormals, infinities and NaNs included, is exactly
// representable in float32, so these conversions never round.
#pragma once

#include <cstdint>
#include <cstring>

namespace embplay {

inline float float_from_bits(std::uint32_t bits) noexcept {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

inline float bf16_to_float(std::uint16_t h) noexcept { return float_from_bits(static_cast<std::uint32_t>(h) << 16); }

// binary16 -> binary32 (IEEE 754-2008 section 3.6): rebias the exponent (15 -> 127), widen
// the fraction (10 -> 23 bits); subnormal halves become normal floats.
float f16_to_float(std::uint16_t h) noexcept;

}  // namespace embplay
