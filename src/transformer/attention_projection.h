// The query, key and value projections of self-attention: Q = X W_Q, K = X W_K, V = X W_V.
//
// Each W is d_model x d_model (row k = input column k, column c = output column c); head j
// uses output columns j d_k .. (j+1) d_k - 1, d_k = d_model / heads, as nanoGPT's c_attn
// followed by its reshape into heads. Because heads are column slices of one matrix, changing
// the number of heads does not redraw the weights.
//
// Random weights are initialised like PyTorch's nn.Linear default (kaiming_uniform_ with
// a = sqrt(5), which reduces to U(-1/sqrt(fan_in), 1/sqrt(fan_in)), fan_in = d_model):
// uniform in [-1/sqrt(d), 1/sqrt(d)) from embplay::Rng (bit-identical in native and WASM
// builds). Draw order, fixed: W_Q, then W_K, then W_V, each row by row. The generator is
// seeded with seed XOR kProjectionSeedSalt so that the projections never repeat the numbers
// of an embedding table (embedding_table.h) drawn from the same seed with the same bound.
// (nn.Linear stores W^T and computes x W^T + b; we store W and have no bias.)
//
// The identity projection (W = I) is not stored: Q = K = V = X.
#pragma once

#include <cstddef>
#include <cstdint>

#include "transformer/embedding_table.h"  // RowMatrix

namespace embplay {

inline constexpr std::uint64_t kProjectionSeedSalt = 0x6174746e2d716b76ull;  // "attn-qkv"

struct ProjectionWeights {
  RowMatrix query;  // W_Q
  RowMatrix key;    // W_K
  RowMatrix value;  // W_V
};

// 1/sqrt(d_model) as a float, the half-width of the uniform range.
float projection_init_bound(std::size_t d_model);

// W_Q, W_K, W_V for `seed`; d_model must be 1..1024 (checked, throws std::invalid_argument).
ProjectionWeights random_projection_weights(std::size_t d_model, std::uint64_t seed);

// out = x W for `rows` rows of x (rows x d, row-major), W d x d. Each output value is the sum
// x[i][0] W[0][c] + x[i][1] W[1][c] + ... in that order, computed for each row on its own,
// so a row's projection does not depend on which row it is (the permutation test relies on it).
void project_rows(const float* x, std::size_t rows, const RowMatrix& w, float* out);

}  // namespace embplay
