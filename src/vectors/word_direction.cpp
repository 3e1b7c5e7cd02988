// See word_direction.h.
#include "vectors/word_direction.h"

#include <stdexcept>

namespace embplay {

Eigen::VectorXf pair_direction(const RowMatrix& rows, const std::vector<RowPair>& pairs) {
  if (pairs.empty()) throw std::invalid_argument("a direction needs at least one word pair");
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(rows.cols());
  for (const auto& [a, b] : pairs) {
    if (a < 0 || b < 0 || a >= rows.rows() || b >= rows.rows()) throw std::out_of_range("direction: row out of range");
    sum += (rows.row(b).cast<double>() - rows.row(a).cast<double>()).transpose();
  }
  const double norm = sum.norm();
  if (!(norm > 0)) throw std::invalid_argument("the pairs cancel out: the direction has length zero");
  return (sum / norm).cast<float>();
}

Eigen::VectorXf project_on_direction(const RowMatrix& rows, const Eigen::VectorXf& direction) {
  return rows * direction;
}

}  // namespace embplay
