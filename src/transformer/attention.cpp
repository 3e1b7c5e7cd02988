// See attention.h.
#include "transformer/attention.h"

#include <cmath>
#include <cstring>
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

// Four floats added and multiplied lane by lane (GCC's and clang's vector extension: exact
// IEEE arithmetic per lane, so no build may regroup it).
typedef float Float4 __attribute__((vector_size(16)));

Float4 load4(const float* p) noexcept {
  Float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

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
  // lane[l] sums the products of elements l, l + 16, l + 32, ...; four 4-float vectors hold the
  // 16 lanes (lane l = vector l / 4, slot l % 4), so the main loop is SIMD in every build
  // (SSE natively, WASM SIMD in the browser) and each lane still adds in plain IEEE order.
  Float4 acc[4] = {};
  std::size_t i = 0;
  for (; i + kLanes <= d_k; i += kLanes) {
    for (std::size_t a = 0; a < 4; ++a) acc[a] += load4(q + i + 4 * a) * load4(k + i + 4 * a);
  }
  float lane[kLanes];
  std::memcpy(lane, acc, sizeof lane);
  for (std::size_t l = 0; i + l < d_k; ++l) lane[l] += q[i + l] * k[i + l];
  for (std::size_t width = kLanes / 2; width > 0; width /= 2) {  // a fixed tree: 8, 4, 2, 1
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
