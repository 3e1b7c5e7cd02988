// See sinusoidal_encoding.h.
#include "transformer/sinusoidal_encoding.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include "transformer/position_limits.h"

namespace embplay {
namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;

void check_column(const SinusoidalSpec& spec, std::size_t column) {
  if (column >= spec.d_model) {
    throw std::out_of_range("column " + std::to_string(column) + " is outside d_model " + std::to_string(spec.d_model));
  }
}

void check_position(double pos) {
  if (!std::isfinite(pos)) throw std::invalid_argument("position must be a finite number");
}

std::vector<double> pair_frequencies(const SinusoidalSpec& spec) {
  std::vector<double> w(pe_pair_count(spec.d_model));
  for (std::size_t i = 0; i < w.size(); ++i) w[i] = pe_pair_frequency(spec, i);
  return w;
}

// The rotation state of every pair: (sin, cos) of the current angle and of one step.
struct PairWaves {
  std::vector<double> w, sin_now, cos_now, sin_step, cos_step;

  explicit PairWaves(const SinusoidalSpec& spec)
      : w(pair_frequencies(spec)), sin_now(w.size()), cos_now(w.size()), sin_step(w.size()), cos_step(w.size()) {
    for (std::size_t i = 0; i < w.size(); ++i) {
      sin_step[i] = std::sin(w[i]);
      cos_step[i] = std::cos(w[i]);
    }
  }

  void anchor(double pos) {
    for (std::size_t i = 0; i < w.size(); ++i) {
      const double angle = pos * w[i];
      sin_now[i] = std::sin(angle);
      cos_now[i] = std::cos(angle);
    }
  }

  // sin(a + w) = sin a cos w + cos a sin w;  cos(a + w) = cos a cos w - sin a sin w.
  void step() {
    const std::size_t n = w.size();
    double* s = sin_now.data();
    double* c = cos_now.data();
    const double* ss = sin_step.data();
    const double* cs = cos_step.data();
    for (std::size_t i = 0; i < n; ++i) {
      const double next_sin = s[i] * cs[i] + c[i] * ss[i];
      const double next_cos = c[i] * cs[i] - s[i] * ss[i];
      s[i] = next_sin;
      c[i] = next_cos;
    }
  }
};

void store_interleaved(const PairWaves& waves, std::size_t d_model, float* row) {
  const std::size_t full = d_model / 2;
  for (std::size_t i = 0; i < full; ++i) {
    row[2 * i] = static_cast<float>(waves.sin_now[i]);
    row[2 * i + 1] = static_cast<float>(waves.cos_now[i]);
  }
  if (d_model % 2) row[d_model - 1] = static_cast<float>(waves.sin_now[full]);
}

void store_split(const PairWaves& waves, std::size_t d_model, float* row) {
  const std::size_t sines = waves.w.size();
  const std::size_t cosines = d_model / 2;
  for (std::size_t i = 0; i < sines; ++i) row[i] = static_cast<float>(waves.sin_now[i]);
  for (std::size_t i = 0; i < cosines; ++i) row[sines + i] = static_cast<float>(waves.cos_now[i]);
}

}  // namespace

PeLayout parse_pe_layout(std::string_view name) {
  if (name == "interleaved") return PeLayout::Interleaved;
  if (name == "split") return PeLayout::Split;
  throw std::invalid_argument("unknown layout '" + std::string(name) + "' (expected interleaved or split)");
}

const char* pe_layout_name(PeLayout layout) { return layout == PeLayout::Split ? "split" : "interleaved"; }

void check_spec(const SinusoidalSpec& spec) {
  checked_d_model(static_cast<double>(spec.d_model));
  checked_base(spec.base);
}

std::size_t pe_pair_count(std::size_t d_model) noexcept { return (d_model + 1) / 2; }

std::size_t pe_sine_column(const SinusoidalSpec& spec, std::size_t pair) noexcept {
  return spec.layout == PeLayout::Split ? pair : 2 * pair;
}

std::size_t pe_cosine_column(const SinusoidalSpec& spec, std::size_t pair) noexcept {
  if (2 * pair + 1 >= spec.d_model) return spec.d_model;  // the lone sine of an odd d_model
  return spec.layout == PeLayout::Split ? pe_pair_count(spec.d_model) + pair : 2 * pair + 1;
}

double pe_pair_frequency(const SinusoidalSpec& spec, std::size_t pair) {
  check_spec(spec);
  const double exponent = 2.0 * static_cast<double>(pair) / static_cast<double>(spec.d_model);
  return 1.0 / std::pow(spec.base, exponent);
}

PeDimension pe_dimension(const SinusoidalSpec& spec, std::size_t column) {
  check_spec(spec);
  check_column(spec, column);
  const std::size_t sines = pe_pair_count(spec.d_model);
  PeDimension dim{};
  if (spec.layout == PeLayout::Split) {
    dim.is_sine = column < sines;
    dim.pair = dim.is_sine ? column : column - sines;
  } else {
    dim.is_sine = column % 2 == 0;
    dim.pair = column / 2;
  }
  dim.exponent = 2.0 * static_cast<double>(dim.pair) / static_cast<double>(spec.d_model);
  dim.frequency = pe_pair_frequency(spec, dim.pair);
  dim.wavelength = kTwoPi / dim.frequency;
  return dim;
}

std::vector<double> pe_frequencies(const SinusoidalSpec& spec) {
  check_spec(spec);
  std::vector<double> out(spec.d_model);
  for (std::size_t j = 0; j < out.size(); ++j) out[j] = pe_dimension(spec, j).frequency;
  return out;
}

std::vector<double> pe_wavelengths(const SinusoidalSpec& spec) {
  std::vector<double> out = pe_frequencies(spec);
  for (double& x : out) x = kTwoPi / x;
  return out;
}

double pe_value(const SinusoidalSpec& spec, double pos, std::size_t column) {
  check_position(pos);
  const PeDimension dim = pe_dimension(spec, column);
  const double angle = pos * dim.frequency;
  return dim.is_sine ? std::sin(angle) : std::cos(angle);
}

void encode_position(const SinusoidalSpec& spec, double pos, float* out) {
  check_spec(spec);
  check_position(pos);
  const std::vector<double> w = pair_frequencies(spec);
  for (std::size_t i = 0; i < w.size(); ++i) {
    out[pe_sine_column(spec, i)] = static_cast<float>(std::sin(pos * w[i]));
    const std::size_t cos_col = pe_cosine_column(spec, i);
    if (cos_col < spec.d_model) out[cos_col] = static_cast<float>(std::cos(pos * w[i]));
  }
}

void fill_sinusoidal_rows(const SinusoidalSpec& spec, double first_pos, std::size_t rows, float* out) {
  check_spec(spec);
  check_position(first_pos);
  PairWaves waves(spec);
  const std::size_t d = spec.d_model;
  for (std::size_t r = 0; r < rows; ++r) {
    if (r % kPeAnchorRows == 0) {
      waves.anchor(first_pos + static_cast<double>(r));
    } else {
      waves.step();
    }
    float* row = out + r * d;
    if (spec.layout == PeLayout::Split) {
      store_split(waves, d, row);
    } else {
      store_interleaved(waves, d, row);
    }
  }
}

void fill_sinusoidal(const SinusoidalSpec& spec, std::size_t max_len, float* out) {
  fill_sinusoidal_rows(spec, 0.0, max_len, out);
}

RowMatrix sinusoidal_encoding(const SinusoidalSpec& spec, std::size_t max_len) {
  check_spec(spec);
  const TableShape shape = checked_table_shape(static_cast<double>(max_len), static_cast<double>(spec.d_model));
  RowMatrix table(static_cast<Eigen::Index>(shape.max_len), static_cast<Eigen::Index>(shape.d_model));
  fill_sinusoidal(spec, shape.max_len, table.data());
  return table;
}

void pe_paired_cosine_sums(const SinusoidalSpec& spec, std::size_t count, double* out) {
  check_spec(spec);
  PairWaves waves(spec);
  const std::size_t paired = spec.d_model / 2;
  for (std::size_t delta = 0; delta < count; ++delta) {
    if (delta % kPeAnchorRows == 0) {
      waves.anchor(static_cast<double>(delta));
    } else {
      waves.step();
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < paired; ++i) sum += waves.cos_now[i];
    out[delta] = sum;
  }
}

}  // namespace embplay
