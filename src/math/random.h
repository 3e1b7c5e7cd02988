// Seeded random numbers with our own distributions.
//
// std::uniform_*_distribution gives different streams under libstdc++ (native) and
// libc++ (Emscripten), so every draw in the project goes through this class: the
// generator is xoshiro128** seeded by SplitMix64, and floats are built from the top
// 24 bits with exact IEEE arithmetic, so native and WASM builds agree bit for bit.
#pragma once

#include <cstdint>

namespace embplay {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& word : state_) word = static_cast<std::uint32_t>(splitmix64(x) >> 32);
    if ((state_[0] | state_[1] | state_[2] | state_[3]) == 0) state_[0] = 1;
  }

  // Uniform 32-bit integer.
  std::uint32_t next_u32() noexcept {
    const std::uint32_t result = rotl(state_[1] * 5u, 7) * 9u;
    const std::uint32_t t = state_[1] << 9;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 11);
    return result;
  }

  // Uniform float in [0, 1), a multiple of 2^-24.
  float uniform01() noexcept { return static_cast<float>(next_u32() >> 8) * (1.0f / 16777216.0f); }

  // Uniform float in [lo, hi).
  float uniform(float lo, float hi) noexcept { return lo + (hi - lo) * uniform01(); }

  // Uniform integer in [0, n) for n > 0 (Lemire's multiply-shift; bias below 2^-32 * n).
  std::uint32_t below(std::uint32_t n) noexcept {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(next_u32()) * n) >> 32);
  }

 private:
  static std::uint32_t rotl(std::uint32_t x, int k) noexcept { return (x << k) | (x >> (32 - k)); }
  static std::uint64_t splitmix64(std::uint64_t& x) noexcept {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  std::uint32_t state_[4];
};

}  // namespace embplay
