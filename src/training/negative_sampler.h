// Draws noise words for negative sampling from the unigram distribution raised to 3/4
// (Mikolov et al. 2013, "Distributed Representations of Words and Phrases").
//
// word2vec.c fills a 1e8-entry table (400 MB) with word ids in proportion to
// count^0.75; here Walker's alias method (Vose's construction) gives the same
// distribution exactly from two vocabulary-sized arrays, which stay in cache, and one
// 32-bit random number per draw. The weights use sqrt(c) * sqrt(sqrt(c)) for c^0.75:
// sqrt is correctly rounded everywhere, pow is not, so native and WASM agree.
#pragma once

#include <cstdint>
#include <vector>

#include "math/random.h"

namespace embplay {

class NegativeSampler {
 public:
  // counts[id] is the frequency of word id; id 0 ([UNK]) and zero counts are never drawn.
  // Throws std::invalid_argument when no id has a positive count.
  explicit NegativeSampler(const std::vector<std::uint64_t>& counts);

  std::int32_t draw(Rng& rng) const noexcept {
    const std::uint64_t m = static_cast<std::uint64_t>(rng.next_u32()) * size_;
    const Slot& slot = slots_[static_cast<std::size_t>(m >> 32)];
    return static_cast<std::uint32_t>(m) < slot.threshold ? slot.self : slot.alias;
  }

  // The probability of drawing `id` (for tests and display).
  double probability(std::int32_t id) const;

 private:
  struct Slot {
    std::uint32_t threshold;  // keep `self` when the low 32 bits of the draw are below this
    std::int32_t self;
    std::int32_t alias;
  };
  std::uint64_t size_;
  std::vector<Slot> slots_;
  std::vector<double> probability_;
};

}  // namespace embplay
