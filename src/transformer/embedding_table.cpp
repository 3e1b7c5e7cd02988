// See embedding_table.h.
#include "transformer/embedding_table.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "math/random.h"

namespace embplay {

EmbeddingTable::EmbeddingTable(std::size_t vocab_size, std::size_t d_model, std::uint64_t seed, float bound) {
  if (vocab_size == 0) throw std::invalid_argument("vocabulary size must be at least 1");
  if (d_model == 0 || d_model > kMaxDModel) {
    throw std::invalid_argument("d_model must be between 1 and " + std::to_string(kMaxDModel) + ", got " +
                                std::to_string(d_model));
  }
  if (!(bound >= 0.0f) || !std::isfinite(bound)) throw std::invalid_argument("initialisation bound must be finite and >= 0");
  const float b = bound > 0.0f ? bound : 1.0f / std::sqrt(static_cast<float>(d_model));
  weights_.resize(static_cast<Eigen::Index>(vocab_size), static_cast<Eigen::Index>(d_model));
  Rng rng(seed);
  float* data = weights_.data();
  for (Eigen::Index i = 0; i < weights_.size(); ++i) data[i] = rng.uniform(-b, b);
}

EmbeddingTable::EmbeddingTable(RowMatrix weights) : weights_(std::move(weights)) {
  if (weights_.rows() == 0 || weights_.cols() == 0) throw std::invalid_argument("embedding matrix must not be empty");
}

void EmbeddingTable::check_id(std::int32_t id) const {
  if (id < 0 || id >= weights_.rows()) {
    throw std::out_of_range("token id " + std::to_string(id) + " is outside the embedding table (" +
                            std::to_string(weights_.rows()) + " rows)");
  }
}

Eigen::Map<const RowVector> EmbeddingTable::row(std::int32_t id) const {
  check_id(id);
  return Eigen::Map<const RowVector>(weights_.data() + static_cast<Eigen::Index>(id) * weights_.cols(), weights_.cols());
}

RowMatrix EmbeddingTable::lookup(const std::vector<std::int32_t>& ids) const {
  for (std::int32_t id : ids) check_id(id);
  RowMatrix out(static_cast<Eigen::Index>(ids.size()), weights_.cols());
  for (std::size_t i = 0; i < ids.size(); ++i) out.row(static_cast<Eigen::Index>(i)) = weights_.row(ids[i]);
  return out;
}

RowVector EmbeddingTable::one_hot(std::int32_t id) const {
  check_id(id);
  RowVector v = RowVector::Zero(weights_.rows());
  v[id] = 1.0f;
  return v;
}

}  // namespace embplay
