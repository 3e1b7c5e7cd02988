// The sinusoidal positional encoding of Vaswani et al. 2017, "Attention Is All You Need",
// section 3.5:
//
//   PE(pos, 2i)   = sin(pos * w_i)        w_i = 1 / base^(2i / d_model),  base = 10000
//   PE(pos, 2i+1) = cos(pos * w_i)
//
// Pair i turns at w_i radians per position: its wavelength is 2*pi / w_i positions, from
// 2*pi (i = 0) up to nearly 2*pi * base (last pair).
//
// Layouts (which column holds which sine or cosine; the values are the same):
//   interleaved  sin w_0, cos w_0, sin w_1, cos w_1, ...   the paper, PyTorch's tutorial
//   split        sin w_0, sin w_1, ..., cos w_0, cos w_1, ...   tensor2tensor's layout
// Split is a column permutation of interleaved. (tensor2tensor itself also spaces its
// frequencies slightly differently, exponent i / (d/2 - 1) instead of 2i / d; here both
// layouts use the paper's frequencies so that only the column order differs.)
//
// Odd d_model: the formula is applied as written to columns 0..d_model-1, so there are
// ceil(d/2) sines and floor(d/2) cosines. The last pair, i = (d-1)/2, is a sine of the
// next frequency with no cosine partner: the last column in the interleaved layout, the
// last sine (column (d-1)/2) in the split layout. That lone sine is why an odd d_model
// breaks two nice properties: the shift by k is no longer linear in PE(pos) for that
// column (see position_shift.h), and |PE(pos)|^2 is no longer the constant d/2.
//
// Arithmetic: frequencies, arguments and sin/cos are evaluated in double and stored as
// float. The argument pos * w_i must be formed in double: in float, pos = 10^6 has a
// spacing of 0.0625, which alone would move sin by up to 0.03.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "transformer/embedding_table.h"  // RowMatrix

namespace embplay {

enum class PeLayout { Interleaved, Split };

// "interleaved" | "split"; throws std::invalid_argument otherwise.
PeLayout parse_pe_layout(std::string_view name);
const char* pe_layout_name(PeLayout layout);

inline constexpr double kDefaultPeBase = 10000.0;

struct SinusoidalSpec {
  std::size_t d_model = 0;
  double base = kDefaultPeBase;
  PeLayout layout = PeLayout::Interleaved;
};

// Throws std::invalid_argument for d_model outside 1..4096 (kCorePositionLimits) or base
// not finite and > 1. Every function below checks its spec.
void check_spec(const SinusoidalSpec& spec);

// Pairs (frequencies): ceil(d_model / 2).
std::size_t pe_pair_count(std::size_t d_model) noexcept;
// Column of pair i's sine and cosine; the cosine of the lone pair of an odd d_model is
// d_model (no such column).
std::size_t pe_sine_column(const SinusoidalSpec& spec, std::size_t pair) noexcept;
std::size_t pe_cosine_column(const SinusoidalSpec& spec, std::size_t pair) noexcept;

// w_i = base^(-2i / d_model) in radians per position.
double pe_pair_frequency(const SinusoidalSpec& spec, std::size_t pair);

// What one column holds, for legends and the hover readout.
struct PeDimension {
  std::size_t pair;     // i
  bool is_sine;         // sin or cos
  double exponent;      // 2i / d_model
  double frequency;     // w_i, radians per position
  double wavelength;    // 2*pi / w_i, positions per full turn
};
PeDimension pe_dimension(const SinusoidalSpec& spec, std::size_t column);

// Per column (length d_model), in the spec's layout.
std::vector<double> pe_frequencies(const SinusoidalSpec& spec);
std::vector<double> pe_wavelengths(const SinusoidalSpec& spec);

// One value, straight from the formula (double). `pos` may be any finite number.
double pe_value(const SinusoidalSpec& spec, double pos, std::size_t column);
// One row (d_model floats) for position `pos`, straight from the formula.
void encode_position(const SinusoidalSpec& spec, double pos, float* out);

// Fills rows for positions first_pos, first_pos+1, ... (rows x d_model floats, row-major)
// into a caller-provided buffer: no allocation besides O(d_model) scratch, so the page
// can refill its buffer while a slider drags. Cost per cell is a few multiply-adds:
// sin/cos are evaluated exactly once every kPeAnchorRows rows and carried between
// anchors by the rotation (sin, cos)(p+1) = R(w_i) (sin, cos)(p) in double, whose
// drift over that many steps (~1e-14) is far below float resolution.
inline constexpr std::size_t kPeAnchorRows = 64;
void fill_sinusoidal_rows(const SinusoidalSpec& spec, double first_pos, std::size_t rows, float* out);

// Positions 0..max_len-1 into a caller buffer of max_len x d_model floats.
void fill_sinusoidal(const SinusoidalSpec& spec, std::size_t max_len, float* out);

// The max_len x d_model table; sizes are checked against kCorePositionLimits first.
RowMatrix sinusoidal_encoding(const SinusoidalSpec& spec, std::size_t max_len);

// out[delta] = sum of cos(delta * w_i) over the pairs that have both a sine and a cosine
// (all pairs for even d_model), delta = 0 .. count-1, in double. Because
// sin(p w) sin(q w) + cos(p w) cos(q w) = cos((p - q) w), this is PE(p) . PE(p + delta)
// for even d_model, whatever p: see position_similarity.h.
void pe_paired_cosine_sums(const SinusoidalSpec& spec, std::size_t count, double* out);

}  // namespace embplay
