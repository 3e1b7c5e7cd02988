// Exact t-SNE: affinities by perplexity calibration, then gradient steps on the
// Student-t map (see tsne.h for the choices).
#include "vectors/tsne.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "math/random.h"

namespace embplay {

namespace {

constexpr int kExaggerationIterations = 100;
constexpr double kExaggeration = 12.0;
constexpr int kMomentumSwitch = 250;
constexpr double kMinGain = 0.01;

// Row i of P_j|i for squared distances d (row), with precision beta; returns the entropy (nats).
double row_affinities(const Eigen::RowVectorXd& d, Eigen::Index i, double beta, Eigen::RowVectorXd& p) {
  // Shift by the smallest off-diagonal distance so exp() cannot underflow to all zeros.
  double min_d = std::numeric_limits<double>::infinity();
  for (Eigen::Index j = 0; j < d.size(); ++j) if (j != i) min_d = std::min(min_d, d(j));
  double sum = 0.0;
  double weighted = 0.0;
  for (Eigen::Index j = 0; j < d.size(); ++j) {
    p(j) = j == i ? 0.0 : std::exp(-(d(j) - min_d) * beta);
    sum += p(j);
    weighted += p(j) * (d(j) - min_d);
  }
  p /= sum;
  return std::log(sum) + beta * weighted / sum;
}

Eigen::MatrixXd squared_distances(const Eigen::MatrixXd& x) {
  const Eigen::VectorXd norms = x.rowwise().squaredNorm();
  Eigen::MatrixXd d = (-2.0 * x * x.transpose()).colwise() + norms;
  d.rowwise() += norms.transpose();
  return d.cwiseMax(0.0);
}

Eigen::MatrixXd unit_rows(const RowMatrix& x) {
  Eigen::MatrixXd u = x.cast<double>();
  for (Eigen::Index r = 0; r < u.rows(); ++r) {
    const double n = u.row(r).norm();
    if (n > 0) u.row(r) /= n;
  }
  return u;
}

void check(const RowMatrix& x, const TsneConfig& c) {
  const auto n = static_cast<std::size_t>(x.rows());
  if (n < 3 || n > kMaxTsnePoints) {
    throw std::invalid_argument("t-SNE needs between 3 and " + std::to_string(kMaxTsnePoints) + " points, got " +
                                std::to_string(n));
  }
  if (x.cols() == 0) throw std::invalid_argument("t-SNE needs vectors with at least one value");
  if (!x.allFinite()) throw std::invalid_argument("t-SNE input contains a value that is not finite");
  if (!(c.perplexity > 0)) throw std::invalid_argument("t-SNE perplexity must be positive");
  if (!(c.learning_rate >= 0)) throw std::invalid_argument("t-SNE learning rate must be positive (or 0 for automatic)");
}

}  // namespace

Eigen::MatrixXd tsne_conditional_affinities(const Eigen::MatrixXd& x, double perplexity) {
  const Eigen::MatrixXd d = squared_distances(x);
  const Eigen::Index n = x.rows();
  const double target = std::log(perplexity);
  Eigen::MatrixXd p(n, n);
  Eigen::RowVectorXd row(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    double beta = 1.0, lo = 0.0, hi = std::numeric_limits<double>::infinity();
    for (int tries = 0; tries < 200; ++tries) {
      const double h = row_affinities(d.row(i), i, beta, row);
      if (std::abs(h - target) < 1e-5) break;
      if (h > target) {  // too flat: sharpen
        lo = beta;
        beta = std::isinf(hi) ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = (beta + lo) / 2;
      }
    }
    p.row(i) = row;
  }
  return p;
}

Tsne::Tsne(const RowMatrix& x, const TsneConfig& config) {
  check(x, config);
  const Eigen::Index n = x.rows();
  perplexity_ = std::min(config.perplexity, static_cast<double>(n - 1) / 3.0);
  learning_rate_ = config.learning_rate > 0 ? config.learning_rate : std::max(static_cast<double>(n) / 48.0, 50.0);
  const Eigen::MatrixXd conditional = tsne_conditional_affinities(unit_rows(x), perplexity_);
  p_ = ((conditional + conditional.transpose()) / (2.0 * static_cast<double>(n))).cwiseMax(1e-12);
  Rng rng(config.seed);
  y_.resize(n, 2);
  for (Eigen::Index r = 0; r < n; ++r) for (int c = 0; c < 2; ++c) y_(r, c) = rng.uniform(-1e-2f, 1e-2f);
  update_ = Eigen::MatrixXd::Zero(n, 2);
  gains_ = Eigen::MatrixXd::Ones(n, 2);
  coords_ = y_.cast<float>();
}

// dC/dy_i = 4 sum_j (e P_ij - Q_ij) (y_i - y_j) / (1 + |y_i - y_j|^2), e the exaggeration,
// Q_ij = num_ij / Z. Two passes over the pairs i < j (Z first, then the forces), without
// n x n temporaries: 5x faster in WASM than the same sums written as matrix expressions.
void Tsne::gradient(Eigen::MatrixXd& grad) const {
  const Eigen::Index n = y_.rows();
  const double* y = y_.data();  // column-major: x coordinates, then y coordinates
  double z = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = i + 1; j < n; ++j) {
      const double dx = y[i] - y[j], dy = y[n + i] - y[n + j];
      z += 2.0 / (1.0 + dx * dx + dy * dy);
    }
  }
  const double e = iteration_ < kExaggerationIterations ? kExaggeration : 1.0;
  grad.setZero(n, 2);
  double* g = grad.data();
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = i + 1; j < n; ++j) {
      const double dx = y[i] - y[j], dy = y[n + i] - y[n + j];
      const double num = 1.0 / (1.0 + dx * dx + dy * dy);
      const double m = 4.0 * (e * p_(j, i) - num / z) * num;  // P is symmetric; (j, i) walks a column
      g[i] += m * dx;
      g[n + i] += m * dy;
      g[j] -= m * dx;
      g[n + j] -= m * dy;
    }
  }
}

void Tsne::step(int iterations) {
  Eigen::MatrixXd grad;
  for (int it = 0; it < iterations; ++it) {
    gradient(grad);
    const double momentum = iteration_ < kMomentumSwitch ? 0.5 : 0.8;
    for (Eigen::Index k = 0; k < y_.size(); ++k) {
      double& gain = gains_.data()[k];
      const bool same_sign = (grad.data()[k] > 0) == (update_.data()[k] > 0);
      gain = std::max(kMinGain, same_sign ? gain * 0.8 : gain + 0.2);
      update_.data()[k] = momentum * update_.data()[k] - learning_rate_ * gain * grad.data()[k];
      y_.data()[k] += update_.data()[k];
    }
    y_.rowwise() -= y_.colwise().mean();
    ++iteration_;
  }
  coords_ = y_.cast<float>();
}

double Tsne::kl_divergence() const {
  Eigen::MatrixXd num = (1.0 + squared_distances(y_).array()).inverse().matrix();
  num.diagonal().setZero();
  const double z = num.sum();
  double kl = 0.0;
  for (Eigen::Index i = 0; i < p_.rows(); ++i) {
    for (Eigen::Index j = 0; j < p_.cols(); ++j) {
      if (i != j) kl += p_(i, j) * std::log(p_(i, j) / std::max(num(i, j) / z, 1e-300));
    }
  }
  return kl;
}

}  // namespace embplay
