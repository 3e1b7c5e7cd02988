// See position_shift.h.
#include "transformer/position_shift.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace embplay {
namespace {

void check_shift(double k) {
  if (!std::isfinite(k)) throw std::invalid_argument("shift k must be a finite number");
}

// The rotation block of pair i: sin and cos of k * w_i.
struct Rotation {
  double sin_kw, cos_kw;
};

Rotation rotation(const SinusoidalSpec& spec, std::size_t pair, double k) {
  const double angle = k * pe_pair_frequency(spec, pair);
  return {std::sin(angle), std::cos(angle)};
}

}  // namespace

bool shift_is_exact(const SinusoidalSpec& spec) noexcept { return spec.d_model % 2 == 0; }

RowMatrix shift_matrix(const SinusoidalSpec& spec, double k) {
  check_spec(spec);
  check_shift(k);
  const auto d = static_cast<Eigen::Index>(spec.d_model);
  RowMatrix m = RowMatrix::Zero(d, d);
  for (std::size_t i = 0; i < pe_pair_count(spec.d_model); ++i) {
    const Rotation r = rotation(spec, i, k);
    const auto s = static_cast<Eigen::Index>(pe_sine_column(spec, i));
    const std::size_t cos_col = pe_cosine_column(spec, i);
    m(s, s) = static_cast<float>(r.cos_kw);
    if (cos_col == spec.d_model) continue;  // lone sine: its partner's row and column are deleted
    const auto c = static_cast<Eigen::Index>(cos_col);
    m(s, c) = static_cast<float>(r.sin_kw);
    m(c, s) = static_cast<float>(-r.sin_kw);
    m(c, c) = static_cast<float>(r.cos_kw);
  }
  return m;
}

void apply_shift(const SinusoidalSpec& spec, double k, const float* row, float* out) {
  check_spec(spec);
  check_shift(k);
  for (std::size_t i = 0; i < pe_pair_count(spec.d_model); ++i) {
    const Rotation r = rotation(spec, i, k);
    const std::size_t s = pe_sine_column(spec, i);
    const std::size_t c = pe_cosine_column(spec, i);
    const double sin_pos = row[s];
    const double cos_pos = c < spec.d_model ? row[c] : 0.0;
    out[s] = static_cast<float>(r.cos_kw * sin_pos + r.sin_kw * cos_pos);
    if (c < spec.d_model) out[c] = static_cast<float>(-r.sin_kw * sin_pos + r.cos_kw * cos_pos);
  }
}

double shift_residual(const SinusoidalSpec& spec, double pos, double k) {
  check_spec(spec);
  check_shift(k);
  if (!std::isfinite(pos)) throw std::invalid_argument("position must be a finite number");
  double worst = 0.0;
  for (std::size_t i = 0; i < pe_pair_count(spec.d_model); ++i) {
    const Rotation r = rotation(spec, i, k);
    const double w = pe_pair_frequency(spec, i);
    const double sin_pos = std::sin(pos * w);
    const bool paired = pe_cosine_column(spec, i) < spec.d_model;
    const double cos_pos = paired ? std::cos(pos * w) : 0.0;
    worst = std::max(worst, std::abs(r.cos_kw * sin_pos + r.sin_kw * cos_pos - std::sin((pos + k) * w)));
    if (paired) worst = std::max(worst, std::abs(-r.sin_kw * sin_pos + r.cos_kw * cos_pos - std::cos((pos + k) * w)));
  }
  return worst;
}

}  // namespace embplay
