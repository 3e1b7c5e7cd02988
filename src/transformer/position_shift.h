// Shifting a sinusoidal encoding by k positions is a linear map that does not depend on
// the position: PE(pos + k) = M_k PE(pos). This is the property Vaswani et al. 2017
// (section 3.5) give for choosing sinusoids: "for any fixed offset k, PE(pos+k) can be
// represented as a linear function of PE(pos)".
//
// M_k is block-diagonal with one 2x2 rotation per frequency pair i (angle k * w_i):
//
//   [ sin((pos+k) w) ]   [  cos(k w)  sin(k w) ] [ sin(pos w) ]
//   [ cos((pos+k) w) ] = [ -sin(k w)  cos(k w) ] [ cos(pos w) ]
//
// In the interleaved layout the blocks sit on the diagonal; in the split layout the same
// entries are placed at (sine column, cosine column) of each pair, i.e. M_split =
// P M_interleaved P^T for the column permutation P between the layouts.
//
// Odd d_model: the lone sine of the last pair has no cosine to rotate with, and no
// linear map of PE(pos) gives sin((pos+k) w) for every pos. M_k is then defined as the
// map of d_model + 1 with the missing cosine's row and column deleted: that column gets
// cos(k w) on the diagonal, which drops the sin(k w) cos(pos w) term. The identity holds
// exactly on every other column; shift_is_exact() says whether it holds on all.
#pragma once

#include <cstddef>

#include "transformer/embedding_table.h"  // RowMatrix
#include "transformer/sinusoidal_encoding.h"

namespace embplay {

// True when PE(pos + k) = M_k PE(pos) on every column (d_model even).
bool shift_is_exact(const SinusoidalSpec& spec) noexcept;

// The d_model x d_model matrix M_k (float, computed in double). d_model is checked
// against kCorePositionLimits (4096^2 floats = 64 MiB at most).
RowMatrix shift_matrix(const SinusoidalSpec& spec, double k);

// out = M_k row without building the matrix: O(d_model). `row` and `out` hold d_model
// floats and must not overlap.
void apply_shift(const SinusoidalSpec& spec, double k, const float* row, float* out);

// max over columns of |(M_k PE(pos))_j - PE(pos + k)_j|, both computed in double; about
// 1e-16 for even d_model, and the lone sine's error for odd d_model.
double shift_residual(const SinusoidalSpec& spec, double pos, double k);

}  // namespace embplay
