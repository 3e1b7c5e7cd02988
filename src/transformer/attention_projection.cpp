// See attention_projection.h.
#include "transformer/attention_projection.h"

#include <cmath>

#include "math/random.h"
#include "math/strict_float.h"
#include "transformer/position_limits.h"

EMBPLAY_STRICT_FLOAT

namespace embplay {

namespace {

void fill_uniform(Rng& rng, float bound, RowMatrix& w) {
  float* data = w.data();
  for (Eigen::Index i = 0; i < w.size(); ++i) data[i] = rng.uniform(-bound, bound);
}

}  // namespace

float projection_init_bound(std::size_t d_model) { return 1.0f / std::sqrt(static_cast<float>(d_model)); }

ProjectionWeights random_projection_weights(std::size_t d_model, std::uint64_t seed) {
  const auto d = static_cast<Eigen::Index>(checked_d_model(static_cast<double>(d_model), kPagePositionLimits));
  ProjectionWeights w{RowMatrix(d, d), RowMatrix(d, d), RowMatrix(d, d)};
  Rng rng(seed ^ kProjectionSeedSalt);
  const float bound = projection_init_bound(d_model);
  fill_uniform(rng, bound, w.query);
  fill_uniform(rng, bound, w.key);
  fill_uniform(rng, bound, w.value);
  return w;
}

void project_rows(const float* x, std::size_t rows, const RowMatrix& w, float* out) {
  const auto d = static_cast<std::size_t>(w.rows());
  const float* weights = w.data();
  for (std::size_t i = 0; i < rows; ++i) {
    const float* in = x + i * d;
    float* o = out + i * d;
    for (std::size_t c = 0; c < d; ++c) o[c] = 0.0f;
    for (std::size_t k = 0; k < d; ++k) {  // o += x[i][k] * (row k of W): column c sums over k in order
      const float a = in[k];
      const float* wk = weights + k * d;
      for (std::size_t c = 0; c < d; ++c) o[c] += a * wk[c];
    }
  }
}

}  // namespace embplay
