// How alike two positions look to the model: the max_len x max_len matrix of dot
// products (or cosine similarities) between the rows of a position table.
//
// For the sinusoidal encoding with even d_model, PE(p) . PE(q) = sum_i cos((p - q) w_i):
// the matrix depends only on the distance p - q (constant along every diagonal, a
// Toeplitz matrix) and every row has norm sqrt(d_model / 2). A learned table starts with
// no such structure. (Odd d_model adds sin(p w) sin(q w) for the lone sine, which is not
// a function of p - q alone.)
//
// Computed with Eigen in float (one symmetric rank-k product), so an entry of the dot
// matrix carries a rounding error of roughly 1e-7 * d_model.
#pragma once

#include <cstddef>
#include <string_view>

#include "transformer/embedding_table.h"  // RowMatrix
#include "transformer/sinusoidal_encoding.h"

namespace embplay {

enum class PositionSimilarity { Dot, Cosine };

// "dot" | "cosine"; throws std::invalid_argument otherwise.
PositionSimilarity parse_position_similarity(std::string_view name);

// out (rows x rows, row-major) = similarity of the rows of `table` (rows x d_model,
// row-major). Cosine with an all-zero row is 0. Throws std::invalid_argument when
// rows x rows exceeds kCorePositionLimits.max_cells, before touching `out`.
void fill_position_similarity(const float* table, std::size_t rows, std::size_t d_model, PositionSimilarity kind,
                              float* out);

RowMatrix position_similarity(const RowMatrix& table, PositionSimilarity kind);

// The same matrix for the sinusoidal table of positions 0..max_len-1, from the identity
// PE(p) . PE(q) = sum_i cos((p - q) w_i) [+ sin(p w) sin(q w) for the lone sine of an odd
// d_model] instead of a max_len x max_len x d_model product: O(max_len x d_model +
// max_len^2), a few ms for 2048 positions where the product takes a few hundred. The
// tests check it against position_similarity(sinusoidal_encoding(...)). Entries are
// computed in double and stored as float.
void fill_sinusoidal_similarity(const SinusoidalSpec& spec, std::size_t max_len, PositionSimilarity kind, float* out);

}  // namespace embplay
