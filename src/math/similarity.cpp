// See similarity.h.
#include "math/similarity.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace embplay {

Metric parse_metric(std::string_view name) {
  if (name == "cosine") return Metric::Cosine;
  if (name == "euclidean") return Metric::Euclidean;
  throw std::invalid_argument("unknown metric '" + std::string(name) + "' (expected cosine or euclidean)");
}

float cosine_similarity(const Eigen::Ref<const RowVector>& a, const Eigen::Ref<const RowVector>& b) {
  const float na = a.norm();
  const float nb = b.norm();
  if (na == 0.0f || nb == 0.0f) return 0.0f;
  return a.dot(b) / (na * nb);
}

float euclidean_distance(const Eigen::Ref<const RowVector>& a, const Eigen::Ref<const RowVector>& b) {
  return (a - b).norm();
}

std::vector<Neighbor> nearest_rows(const RowMatrix& rows, std::int32_t query, std::size_t k, Metric metric) {
  if (query < 0 || query >= rows.rows()) {
    throw std::out_of_range("row " + std::to_string(query) + " is outside the matrix (" + std::to_string(rows.rows()) + " rows)");
  }
  const RowVector q = rows.row(query);
  std::vector<Neighbor> all;
  all.reserve(static_cast<std::size_t>(rows.rows()));
  for (Eigen::Index i = 0; i < rows.rows(); ++i) {
    if (i == query) continue;
    const float s = metric == Metric::Cosine ? cosine_similarity(q, rows.row(i)) : euclidean_distance(q, rows.row(i));
    all.push_back({static_cast<std::int32_t>(i), s});
  }
  const bool higher_is_nearer = metric == Metric::Cosine;
  auto nearer = [&](const Neighbor& a, const Neighbor& b) {
    if (a.score != b.score) return higher_is_nearer ? a.score > b.score : a.score < b.score;
    return a.id < b.id;
  };
  k = std::min(k, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end(), nearer);
  all.resize(k);
  return all;
}

}  // namespace embplay
