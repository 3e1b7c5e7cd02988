// Scaled dot-product attention, Vaswani et al. 2017, "Attention Is All You Need", eq. 1:
//
//   Attention(Q, K, V) = softmax(Q K^T / sqrt(d_k)) V
//
// for one head: Q, K, V are n x d_k (n tokens), the scores Q K^T / sqrt(d_k) are n x n (row
// i = query token i, column j = key token j), the softmax is taken along each row, so row i of
// the weights says how much token i takes from each token, and sums to 1. With a causal mask
// (a decoder, GPT-2) the scores above the diagonal are set to -infinity before the softmax:
// token t sees tokens 0..t only, and its weights for later tokens are exactly 0.
//
// Multi-head attention (section 3.2.2) runs h heads side by side, head j on columns
// j d_k .. (j+1) d_k - 1 of Q, K and V, d_k = d_model / h (attention_projection.h); their
// outputs are concatenated back into n x d_model. We stop there: no output projection W_O.
//
// Every score is one dot product q_i . k_j, computed on its own in a fixed order (16
// interleaved partial sums, then a fixed tree), so a score does not depend on where its
// rows sit in the matrix, and native and WASM builds agree bit for bit.
#pragma once

#include <cstddef>
#include <vector>

#include "transformer/attention_config.h"
#include "transformer/embedding_table.h"  // RowMatrix

namespace embplay {

// q . k over d_k values (the order is fixed; see above).
float attention_dot(const float* q, const float* k, std::size_t d_k) noexcept;

// One head of eq. 1. q, k, v point at the head's first column of n rows that are `stride`
// floats apart. Writes scores and weights (n x n, row-major); scores above the diagonal are
// -infinity when causal. If `output` is not null, writes softmax(...) V into its n rows
// (`stride` apart, d_k values each). `exps` is scratch space of n doubles.
struct HeadShape {
  std::size_t tokens;  // n
  std::size_t d_k;
  std::size_t stride;  // floats between consecutive rows of q, k, v and output
  bool scaled;
  bool causal;
};
void attention_head(const float* q, const float* k, const float* v, const HeadShape& shape, float* scores,
                    float* weights, float* output, double* exps);

// All heads for one sentence whose projections are already known (Q, K, V: n x d_model).
struct AttentionResult {
  std::size_t tokens = 0;
  std::size_t d_model = 0;
  std::size_t heads = 0;
  std::vector<float> scores;   // heads x n x n
  std::vector<float> weights;  // heads x n x n
  std::vector<float> output;   // n x d_model (heads concatenated), empty unless asked for
  const float* head_scores(std::size_t head) const { return scores.data() + head * tokens * tokens; }
  const float* head_weights(std::size_t head) const { return weights.data() + head * tokens * tokens; }
};

// Multi-head attention of X itself (X already holds any position rows): Q = X W_Q etc. with
// the config's projections. The convenience entry for tests and one-off use; the page and the
// CLI go through AttentionWorkspace, which builds X from its parts and caches projections.
AttentionResult self_attention(const RowMatrix& x, const AttentionConfig& config, bool with_output = false);

}  // namespace embplay
