// See attention.h.
#include "transformer/attention.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "math/strict_float.h"
#include "transformer/attention_projection.h"
#include "transformer/attention_softmax.h"

EMBPLAY_STRICT_FLOAT

namespace embplay {

namespace {

constexpr std::size_t kLanes = 16;

// row i of softmax(...) V: sum over the visible keys j of weight_ij * v_j.
void weighted_sum(const float* weights, const float* v, std::size_t visible, const HeadShape& shape, float* out) {
  for (std::size_t c = 0; c < shape.d_k; ++c) out[c] = 0.0f;
  for (std::size_t j = 0; j < visible; ++j) {
    const float w = weights[j];
    const float* vj = v + j * shape.stride;
    for (std::size_t c = 0; c < shape.d_k; ++c) out[c] += w * vj[c];
  }
}

}  // namespace

float attention_dot(const float* q, const float* k, std::size_t d_k) noexcept {
  float lane[kLanes] = {};
  std::size_t i = 0;
  for (; i + kLanes <= d_k; i += kLanes) {
    for (std::size_t l = 0; l < kLanes; ++l) lane[l] += q[i + l] * k[i + l];
  }
  for (std::size_t l = 0; i + l < d_k; ++l) lane[l] += q[i + l] * k[i + l];
  for (std::size_t width = kLanes / 2; width > 0; width /= 2) {
    for (std::size_t l = 0; l < width; ++l) lane[l] += lane[l + width];
  }
  return lane[0];
}

void attention_head(const float* q, const float* k, const float* v, const HeadShape& shape, float* scores,
                    float* weights, float* output, double* exps) {
  const std::size_t n = shape.tokens;
  const float sqrt_d_k = std::sqrt(static_cast<float>(shape.d_k));
  const float masked = -std::numeric_limits<float>::infinity();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t visible = shape.causal ? i + 1 : n;  // query i sees keys 0..visible-1
    const float* q_i = q + i * shape.stride;
    float* s_i = scores + i * n;
    for (std::size_t j = 0; j < visible; ++j) {
      const float dot = attention_dot(q_i, k + j * shape.stride, shape.d_k);  // (Q K^T)_ij
      s_i[j] = shape.scaled ? dot / sqrt_d_k : dot;                            // / sqrt(d_k)
    }
    for (std::size_t j = visible; j < n; ++j) s_i[j] = masked;                 // causal mask
    softmax_row(s_i, visible, n, exps, weights + i * n);                       // softmax(...)
    if (output) weighted_sum(weights + i * n, v, visible, shape, output + i * shape.stride);  // ... V
  }
}

AttentionResult self_attention(const RowMatrix& x, const AttentionConfig& config, bool with_output) {
  const std::size_t n = config.tokens;
  const std::size_t d = config.d_model;
  if (static_cast<std::size_t>(x.rows()) != n || static_cast<std::size_t>(x.cols()) != d) {
    throw std::invalid_argument("X is " + std::to_string(x.rows()) + " x " + std::to_string(x.cols()) +
                                ", the config says " + std::to_string(n) + " x " + std::to_string(d));
  }
  check_attention_input_values(x.data(), n * d);
  RowMatrix q = x, k = x, v = x;  // identity projections
  if (config.projection == AttentionProjection::Random) {
    const ProjectionWeights w = random_projection_weights(d, config.seed);
    project_rows(x.data(), n, w.query, q.data());
    project_rows(x.data(), n, w.key, k.data());
    project_rows(x.data(), n, w.value, v.data());
  }
  AttentionResult r;
  r.tokens = n;
  r.d_model = d;
  r.heads = config.heads;
  r.scores.resize(config.heads * n * n);
  r.weights.resize(config.heads * n * n);
  if (with_output) r.output.resize(n * d);
  std::vector<double> exps(n);
  const HeadShape shape{n, config.d_k(), d, config.scaled, config.causal};
  for (std::size_t h = 0; h < config.heads; ++h) {
    const std::size_t column = h * config.d_k();
    attention_head(q.data() + column, k.data() + column, v.data() + column, shape, r.scores.data() + h * n * n,
                   r.weights.data() + h * n * n, with_output ? r.output.data() + column : nullptr, exps.data());
  }
  return r;
}

}  // namespace embplay
