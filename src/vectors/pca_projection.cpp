// PCA through the covariance matrix (dim x dim, in double) and Eigen's self-adjoint
// eigensolver: cheap for word vectors (dim <= a few hundred), whatever the row count.
#include "vectors/pca_projection.h"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <stdexcept>
#include <string>

namespace embplay {

namespace {

void check_input(const RowMatrix& x, int k, const RowMatrix* previous) {
  if (x.rows() == 0 || x.cols() == 0) throw std::invalid_argument("PCA needs at least one vector");
  const int max_k = static_cast<int>(std::min<Eigen::Index>(kMaxPcaComponents, x.cols()));
  if (k < 1 || k > max_k) {
    throw std::invalid_argument("PCA components must be between 1 and " + std::to_string(max_k) + ", got " +
                                std::to_string(k));
  }
  if (previous && (previous->rows() != k || previous->cols() != x.cols())) {
    throw std::invalid_argument("the previous PCA axes have another shape than this projection");
  }
  if (!x.allFinite()) throw std::invalid_argument("PCA input contains a value that is not finite");
}

// Flips `axis` to agree with `previous` (positive dot product), or, without one (no
// previous axes, or an all-zero row: no preference for this axis), so that its
// largest-magnitude entry is positive.
void orient(Eigen::RowVectorXd& axis, const RowMatrix* previous, int i) {
  double sign_of = 0.0;
  if (previous && !previous->row(i).isZero(0)) {
    sign_of = axis.dot(previous->row(i).cast<double>());
  } else {
    Eigen::Index at = 0;
    axis.cwiseAbs().maxCoeff(&at);
    sign_of = axis(at);
  }
  if (sign_of < 0) axis = -axis;
}

}  // namespace

PcaProjection pca_project(const RowMatrix& x, int k, const RowMatrix* previous_axes) {
  check_input(x, k, previous_axes);
  const Eigen::MatrixXd data = x.cast<double>();
  const Eigen::RowVectorXd mean = data.colwise().mean();
  const Eigen::MatrixXd centred = data.rowwise() - mean;
  const double denominator = static_cast<double>(std::max<Eigen::Index>(x.rows() - 1, 1));
  const Eigen::MatrixXd covariance = (centred.transpose() * centred) / denominator;
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
  if (solver.info() != Eigen::Success) throw std::runtime_error("PCA: the eigensolver did not converge");

  const Eigen::Index dim = x.cols();
  const double total = std::max(0.0, covariance.trace());
  PcaProjection out;
  Eigen::MatrixXd axes(k, dim);
  for (int i = 0; i < k; ++i) {
    const Eigen::Index col = dim - 1 - i;  // eigenvalues ascend
    Eigen::RowVectorXd axis = solver.eigenvectors().col(col).transpose();
    orient(axis, previous_axes, i);
    axes.row(i) = axis;
    const double variance = std::max(0.0, solver.eigenvalues()(col));
    out.explained.push_back(total > 0 ? variance / total : 0.0);
  }
  out.axes = axes.cast<float>();
  out.coords = (centred * axes.transpose()).cast<float>();
  return out;
}

}  // namespace embplay
