// The embedding matrix W_E (vocab_size x d_model, row-major): a token id selects a row,
// which is the same as one_hot(id) * W_E.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

namespace embplay {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowVector = Eigen::Matrix<float, 1, Eigen::Dynamic>;

inline constexpr std::size_t kMaxDModel = 4096;

class EmbeddingTable {
 public:
  // Seeded uniform initialisation in [-bound, bound), bound = 1/sqrt(d_model) when 0.
  // Throws std::invalid_argument for vocab_size 0, d_model 0 or d_model > kMaxDModel.
  EmbeddingTable(std::size_t vocab_size, std::size_t d_model, std::uint64_t seed, float bound = 0.0f);
  explicit EmbeddingTable(RowMatrix weights);

  std::size_t vocab_size() const noexcept { return static_cast<std::size_t>(weights_.rows()); }
  std::size_t d_model() const noexcept { return static_cast<std::size_t>(weights_.cols()); }
  const RowMatrix& weights() const noexcept { return weights_; }
  RowMatrix& weights() noexcept { return weights_; }

  // Row `id` (throws std::out_of_range).
  Eigen::Map<const RowVector> row(std::int32_t id) const;
  // One row per id, in order (throws std::out_of_range on a bad id).
  RowMatrix lookup(const std::vector<std::int32_t>& ids) const;
  // The one-hot row vector for `id` (length vocab_size).
  RowVector one_hot(std::int32_t id) const;

 private:
  void check_id(std::int32_t id) const;
  RowMatrix weights_;
};

}  // namespace embplay
