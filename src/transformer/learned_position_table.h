// A learned position table at initialisation: BERT (Devlin et al. 2019) and GPT-2
// (Radford et al. 2019) do not use a formula; each position owns a row of
// max_len x d_model parameters that starts as small random numbers and is then trained.
// Shown before training, for contrast with the sinusoidal table: no waves, no structure,
// and positions beyond max_len simply have no row.
//
// Initialisation: uniform in [-a, a) with a = sqrt(3) * stddev, i.e. the standard
// deviation of the normal initialisers those models use (BERT: truncated normal 0.02;
// GPT-2 as in Hugging Face: normal 0.02). It is uniform rather than normal because
// every draw goes through embplay::Rng: a uniform float is exact IEEE arithmetic, while
// Box-Muller would call log/cos, whose last bits differ between native and WASM libms.
#pragma once

#include <cstddef>
#include <cstdint>

#include "transformer/embedding_table.h"  // RowMatrix

namespace embplay {

inline constexpr double kDefaultLearnedStddev = 0.02;
inline constexpr double kMaxLearnedStddev = 1e6;

// sqrt(3) * stddev: the half-width of the uniform range.
float learned_init_bound(double stddev);

// Fills max_len x d_model floats (row-major) from Rng(seed), row by row, so a table's
// first rows do not depend on max_len. stddev must be in (0, kMaxLearnedStddev].
void fill_learned_positions(std::size_t max_len, std::size_t d_model, std::uint64_t seed, float* out,
                            double stddev = kDefaultLearnedStddev);

// The table; sizes are checked against kCorePositionLimits before allocating.
RowMatrix learned_position_table(std::size_t max_len, std::size_t d_model, std::uint64_t seed,
                                 double stddev = kDefaultLearnedStddev);

}  // namespace embplay
