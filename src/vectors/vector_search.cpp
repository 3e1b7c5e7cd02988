// See vector_search.h.
#include "vectors/vector_search.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace embplay {

VectorSearch::VectorSearch(const RowMatrix& rows, std::size_t restrict_rows) {
  const Eigen::Index n = restrict_rows == 0 ? rows.rows() : std::min<Eigen::Index>(rows.rows(), static_cast<Eigen::Index>(restrict_rows));
  unit_ = rows.topRows(n);
  norms_.resize(n);
  for (Eigen::Index r = 0; r < n; ++r) {
    const float norm = unit_.row(r).norm();
    norms_[r] = norm;
    if (norm > 0.0f) unit_.row(r) /= norm;
  }
}

void VectorSearch::check_row(std::int32_t row) const {
  if (row < 0 || row >= unit_.rows()) {
    throw std::out_of_range("row " + std::to_string(row) + " is outside the searched rows (" + std::to_string(unit_.rows()) + ")");
  }
}

namespace {

// The k best of `scores` (higher first, or lower first for distances), ties by lower row,
// skipping the rows in `exclude`.
std::vector<Neighbor> top_k(const Eigen::VectorXf& scores, std::size_t k, const std::vector<std::int32_t>& exclude,
                            bool higher_is_nearer) {
  std::vector<Neighbor> all;
  all.reserve(static_cast<std::size_t>(scores.size()));
  for (Eigen::Index r = 0; r < scores.size(); ++r) {
    const auto id = static_cast<std::int32_t>(r);
    if (std::find(exclude.begin(), exclude.end(), id) == exclude.end()) all.push_back({id, scores[r]});
  }
  k = std::min(k, all.size());
  const auto nearer = [higher_is_nearer](const Neighbor& x, const Neighbor& y) {
    if (x.score != y.score) return higher_is_nearer ? x.score > y.score : x.score < y.score;
    return x.id < y.id;
  };
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end(), nearer);
  all.resize(k);
  return all;
}

}  // namespace

// |x - q| for every raw row x, from |x|^2 - 2 |x| (unit(x).q) + |q|^2, clamped at 0 (rounding
// can make the expansion slightly negative for a row equal to q).
Eigen::VectorXf VectorSearch::euclidean_distances(const RowVector& query) const {
  const Eigen::VectorXf dots = norms_.cwiseProduct(unit_ * query.transpose());
  const Eigen::ArrayXf squared = norms_.array().square() - 2.0f * dots.array() + query.squaredNorm();
  return squared.max(0.0f).sqrt().matrix();
}

std::vector<Neighbor> VectorSearch::nearest(const RowVector& query, std::size_t k, const std::vector<std::int32_t>& exclude,
                                            Metric metric) const {
  if (query.size() != unit_.cols()) {
    throw std::invalid_argument("query has " + std::to_string(query.size()) + " numbers, the rows " + std::to_string(unit_.cols()));
  }
  if (metric == Metric::Euclidean) return top_k(euclidean_distances(query), k, exclude, false);
  const float norm = query.norm();
  const Eigen::VectorXf scores = unit_ * (norm > 0.0f ? RowVector(query / norm) : query).transpose();
  return top_k(scores, k, exclude, true);
}

std::vector<Neighbor> VectorSearch::neighbors(std::int32_t row, std::size_t k, Metric metric) const {
  check_row(row);
  if (metric == Metric::Euclidean) return nearest(unit_.row(row) * norms_[row], k, {row}, metric);
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
