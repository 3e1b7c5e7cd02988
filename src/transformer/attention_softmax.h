// The row softmax of attention, computed stably and exactly the same in every build.
//
//   softmax(s)_j = exp(s_j - m) / sum_k exp(s_k - m),   m = max_k s_k
//
// Subtracting the row maximum changes nothing mathematically and keeps every exponent <= 0,
// so exp never overflows; the maximum itself contributes exp(0) = 1, so the sum is >= 1 and
// never 0: scores of +-1e4 (or any finite floats) give finite weights, never NaN.
//
// Causal mask: only the first `visible` entries of the row take part (query t sees keys
// 0..t, visible = t + 1); the rest get weight exactly 0. Scores the caller masked with -inf
// are never read.
//
// Order independence (for the permutation test, attention(P X) = P attention(X) P^T bit for
// bit): the max does not depend on order; each exp is computed on its own (portable_exp, the
// same in native and WASM builds); the sum is taken in fixed point, each exp (<= 1) rounded to
// a multiple of 2^-52 and added as a 64-bit integer, and integer addition is associative. A
// row of up to 512 entries sums to < 2^61, and the rounding moves the sum by at most
// visible * 2^-53 (relative, since the sum is >= 1).
#pragma once

#include <cstddef>

namespace embplay {

// sum of exps[0..count), each in [0, 1], count <= 512, in 2^-52 fixed point: the same bits
// in whatever order the values come.
double order_independent_sum(const double* exps, std::size_t count);

// weights[0..n) from scores[0..visible): softmax over the visible entries, 0 beyond.
// `exps` is scratch space of at least `visible` doubles. Requires 1 <= visible <= n.
void softmax_row(const float* scores, std::size_t visible, std::size_t n, double* exps, float* weights);

}  // namespace embplay
