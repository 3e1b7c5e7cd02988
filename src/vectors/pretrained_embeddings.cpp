// See pretrained_embeddings.h.
#include "vectors/pretrained_embeddings.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace embplay {

std::shared_ptr<const WordVectors> PretrainedEmbeddings::make_vectors(std::vector<std::string> names, RowMatrix tokens) {
  if (names.size() != static_cast<std::size_t>(tokens.rows()))
    throw std::invalid_argument("the token table has " + std::to_string(tokens.rows()) + " rows, the vocabulary " +
                                std::to_string(names.size()) + " tokens");
  return std::make_shared<const WordVectors>(std::move(names), std::move(tokens));
}

PretrainedEmbeddings::PretrainedEmbeddings(std::vector<std::string> names, PretrainedTables tables)
    : vectors_(make_vectors(std::move(names), std::move(tables.tokens))),
      space_(vectors_),
      positions_(std::move(tables.positions)) {}

float PretrainedEmbeddings::row_norm(std::int32_t id) const {
  if (id < 0 || static_cast<std::size_t>(id) >= vocab_size()) throw std::out_of_range("token id " + std::to_string(id) + " is out of range");
  return vectors_->vectors().row(id).norm();
}

std::vector<Neighbor> PretrainedEmbeddings::along_direction(const std::vector<std::pair<std::string, std::string>>& pairs,
                                                          std::size_t k, bool highest) const {
  const Eigen::VectorXf scores = space_.direction(pairs);
  std::vector<std::int32_t> order(static_cast<std::size_t>(scores.size()));
  std::iota(order.begin(), order.end(), 0);
  const auto n = std::min(k, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(), [&](std::int32_t a, std::int32_t b) {
    if (scores[a] != scores[b]) return highest ? scores[a] > scores[b] : scores[a] < scores[b];
    return a < b;
  });
  std::vector<Neighbor> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back({order[i], scores[order[i]]});
  return out;
}

PcaProjection PretrainedEmbeddings::project(const std::vector<std::int32_t>& ids, int k) const {
  RowMatrix rows(static_cast<Eigen::Index>(ids.size()), static_cast<Eigen::Index>(width()));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    row_norm(ids[i]);  // checks the id
    rows.row(static_cast<Eigen::Index>(i)) = vectors_->vectors().row(ids[i]);
  }
  return pca_project(rows, k);
}

std::vector<std::string> PretrainedEmbeddings::numbered_names(std::size_t rows) {
  std::vector<std::string> names;
  names.reserve(rows);
  for (std::size_t i = 0; i < rows; ++i) names.push_back("#" + std::to_string(i));
  return names;
}

}  // namespace embplay
