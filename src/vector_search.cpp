// See vector_search.h.
#include "vector_search.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace embplay {

VectorSearch::VectorSearch(const RowMatrix& rows, std::size_t restrict_rows) {
  const Eigen::Index n = restrict_rows == 0 ? rows.rows() : std::min<Eigen::Index>(rows.rows(), static_cast<Eigen::Index>(restrict_rows));
  unit_ = rows.topRows(n);
  for (Eigen::Index r = 0; r < n; ++r) {
    const float norm = unit_.row(r).norm();
    if (norm > 0.0f) unit_.row(r) /= norm;
  }
}

void VectorSearch::check_row(std::int32_t row) const {
  if (row < 0 || row >= unit_.rows()) {
    throw std::out_of_range("row " + std::to_string(row) + " is outside the searched rows (" + std::to_string(unit_.rows()) + ")");
  }
}

std::vector<Neighbor> VectorSearch::nearest(const RowVector& query, std::size_t k,
                                            const std::vector<std::int32_t>& exclude) const {
  const float norm = query.norm();
  const Eigen::VectorXf scores = unit_ * (norm > 0.0f ? RowVector(query / norm) : query).transpose();
  std::vector<Neighbor> all;
  all.reserve(static_cast<std::size_t>(unit_.rows()));
  for (Eigen::Index r = 0; r < unit_.rows(); ++r) {
    const auto id = static_cast<std::int32_t>(r);
    if (std::find(exclude.begin(), exclude.end(), id) == exclude.end()) all.push_back({id, scores[r]});
  }
  k = std::min(k, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end(),
                    [](const Neighbor& x, const Neighbor& y) { return x.score != y.score ? x.score > y.score : x.id < y.id; });
  all.resize(k);
  return all;
}

std::vector<Neighbor> VectorSearch::neighbors(std::int32_t row, std::size_t k) const {
  check_row(row);
  return nearest(unit_.row(row), k, {row});
}

std::vector<Neighbor> VectorSearch::analogy(std::int32_t a, std::int32_t b, std::int32_t c, std::size_t k) const {
  check_row(a);
  check_row(b);
  check_row(c);
  const RowVector query = unit_.row(b) - unit_.row(a) + unit_.row(c);
  return nearest(query, k, {a, b, c});
}

std::vector<std::int32_t> VectorSearch::best_analogies(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b,
                                                       const std::vector<std::int32_t>& c) const {
  if (a.size() != b.size() || a.size() != c.size()) throw std::invalid_argument("best_analogies: a, b and c differ in length");
  constexpr std::size_t kBlock = 256;
  std::vector<std::int32_t> best(a.size(), -1);
  for (std::size_t start = 0; start < a.size(); start += kBlock) {
    const std::size_t n = std::min(kBlock, a.size() - start);
    RowMatrix queries(static_cast<Eigen::Index>(n), unit_.cols());
    for (std::size_t q = 0; q < n; ++q) {
      const std::size_t i = start + q;
      check_row(a[i]);
      check_row(b[i]);
      check_row(c[i]);
      RowVector v = unit_.row(b[i]) - unit_.row(a[i]) + unit_.row(c[i]);
      const float norm = v.norm();
      queries.row(static_cast<Eigen::Index>(q)) = norm > 0.0f ? RowVector(v / norm) : v;
    }
    const RowMatrix scores = queries * unit_.transpose();
    for (std::size_t q = 0; q < n; ++q) {
      const std::size_t i = start + q;
      float top = -std::numeric_limits<float>::infinity();
      for (Eigen::Index r = 0; r < scores.cols(); ++r) {
        const auto id = static_cast<std::int32_t>(r);
        if (id == a[i] || id == b[i] || id == c[i]) continue;
        const float s = scores(static_cast<Eigen::Index>(q), r);
        if (s > top) {
          top = s;
          best[i] = id;
        }
      }
    }
  }
  return best;
}

}  // namespace embplay
