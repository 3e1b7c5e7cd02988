// See position_similarity.h.
#include "transformer/position_similarity.h"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "transformer/position_limits.h"

namespace embplay {
namespace {

using ConstTable = Eigen::Map<const RowMatrix>;
using OutMatrix = Eigen::Map<RowMatrix>;

// out = table * table^T: only the lower triangle is computed (SYRK), then mirrored.
void gram(const ConstTable& table, OutMatrix& out) {
  out.setZero();
  out.selfadjointView<Eigen::Lower>().rankUpdate(table);
  const Eigen::Index n = out.rows();
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = i + 1; j < n; ++j) out(i, j) = out(j, i);
  }
}

// 1 / |row| per row (0 for an all-zero row), norms summed in double.
std::vector<float> inverse_norms(const ConstTable& table) {
  std::vector<float> inv(static_cast<std::size_t>(table.rows()));
  for (Eigen::Index r = 0; r < table.rows(); ++r) {
    const double norm = std::sqrt(table.row(r).cast<double>().squaredNorm());
    inv[static_cast<std::size_t>(r)] = norm > 0.0 ? static_cast<float>(1.0 / norm) : 0.0f;
  }
  return inv;
}

void scale_to_cosine(const ConstTable& table, OutMatrix& out) {
  const std::vector<float> inv = inverse_norms(table);
  for (Eigen::Index i = 0; i < out.rows(); ++i) {
    for (Eigen::Index j = 0; j < out.cols(); ++j) {
      out(i, j) *= inv[static_cast<std::size_t>(i)] * inv[static_cast<std::size_t>(j)];
    }
  }
}

}  // namespace

PositionSimilarity parse_position_similarity(std::string_view name) {
  if (name == "dot") return PositionSimilarity::Dot;
  if (name == "cosine") return PositionSimilarity::Cosine;
  throw std::invalid_argument("unknown similarity '" + std::string(name) + "' (expected dot or cosine)");
}

void fill_position_similarity(const float* table, std::size_t rows, std::size_t d_model, PositionSimilarity kind,
                              float* out) {
  checked_d_model(static_cast<double>(d_model));
  check_similarity_size(rows);
  const ConstTable t(table, static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(d_model));
  OutMatrix s(out, static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(rows));
  gram(t, s);
  if (kind == PositionSimilarity::Cosine) scale_to_cosine(t, s);
}

RowMatrix position_similarity(const RowMatrix& table, PositionSimilarity kind) {
  check_similarity_size(static_cast<std::size_t>(table.rows()));
  RowMatrix out(table.rows(), table.rows());
  fill_position_similarity(table.data(), static_cast<std::size_t>(table.rows()), static_cast<std::size_t>(table.cols()),
                           kind, out.data());
  return out;
}

void fill_sinusoidal_similarity(const SinusoidalSpec& spec, std::size_t max_len, PositionSimilarity kind, float* out) {
  check_spec(spec);
  check_similarity_size(max_len);
  std::vector<double> by_distance(max_len);
  pe_paired_cosine_sums(spec, max_len, by_distance.data());
  // The lone sine of an odd d_model: sin(p w) per position (zeros for even d_model).
  std::vector<double> lone(max_len, 0.0);
  if (spec.d_model % 2) {
    const double w = pe_pair_frequency(spec, spec.d_model / 2);
    for (std::size_t p = 0; p < max_len; ++p) lone[p] = std::sin(static_cast<double>(p) * w);
  }
  std::vector<double> inv_norm(max_len, 1.0);
  if (kind == PositionSimilarity::Cosine) {
    for (std::size_t p = 0; p < max_len; ++p) {
      const double sq = by_distance[0] + lone[p] * lone[p];
      inv_norm[p] = sq > 0.0 ? 1.0 / std::sqrt(sq) : 0.0;
    }
  }
  for (std::size_t p = 0; p < max_len; ++p) {
    float* row = out + p * max_len;
    for (std::size_t q = 0; q < max_len; ++q) {
      const double dot = by_distance[p > q ? p - q : q - p] + lone[p] * lone[q];
      row[q] = static_cast<float>(dot * inv_norm[p] * inv_norm[q]);
    }
  }
}

}  // namespace embplay
