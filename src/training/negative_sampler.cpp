// See negative_sampler.h.
#include "training/negative_sampler.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "math/strict_float.h"

EMBPLAY_STRICT_FLOAT

namespace embplay {

namespace {

double unigram_weight(std::uint64_t count) {
  const double r = std::sqrt(static_cast<double>(count));
  return r * std::sqrt(r);  // count^0.75
}

}  // namespace

NegativeSampler::NegativeSampler(const std::vector<std::uint64_t>& counts) {
  // Only ids with a positive weight get a slot; slot k holds id ids[k].
  std::vector<std::int32_t> ids;
  std::vector<double> weights;
  double total = 0.0;
  for (std::size_t id = 1; id < counts.size(); ++id) {
    if (counts[id] == 0) continue;
    ids.push_back(static_cast<std::int32_t>(id));
    weights.push_back(unigram_weight(counts[id]));
    total += weights.back();
  }
  if (ids.empty()) throw std::invalid_argument("negative sampling needs at least one word with a positive count");
  const std::size_t n = ids.size();
  size_ = n;
  probability_.assign(counts.size(), 0.0);
  for (std::size_t k = 0; k < n; ++k) probability_[static_cast<std::size_t>(ids[k])] = weights[k] / total;

  // Vose: scaled[k] = n * p_k; pair each under-full slot with an over-full one.
  std::vector<double> scaled(n);
  std::vector<std::size_t> small, large;
  for (std::size_t k = 0; k < n; ++k) {
    scaled[k] = weights[k] * static_cast<double>(n) / total;
    (scaled[k] < 1.0 ? small : large).push_back(k);
  }
  slots_.resize(n);
  for (std::size_t k = 0; k < n; ++k) slots_[k] = {0xFFFFFFFFu, ids[k], ids[k]};
  while (!small.empty() && !large.empty()) {
    const std::size_t s = small.back();
    small.pop_back();
    const std::size_t l = large.back();
    slots_[s].threshold = static_cast<std::uint32_t>(std::ldexp(scaled[s], 32));
    slots_[s].alias = ids[l];
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // Leftovers (rounding) keep their own id with certainty: threshold 2^32-1 and alias = self.
}

double NegativeSampler::probability(std::int32_t id) const {
  if (id < 0 || static_cast<std::size_t>(id) >= probability_.size()) {
    throw std::out_of_range("word id " + std::to_string(id) + " is outside the sampler's vocabulary");
  }
  return probability_[static_cast<std::size_t>(id)];
}

}  // namespace embplay
