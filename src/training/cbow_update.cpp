// See cbow_update.h.
#include "training/cbow_update.h"

#include "math/strict_float.h"
#include "math/vector_ops.h"

EMBPLAY_STRICT_FLOAT

namespace embplay {

namespace {

float* row(float* m, std::int32_t id, int dim) { return m + static_cast<std::size_t>(id) * static_cast<std::size_t>(dim); }

// h = mean of in[ids[0..n)], n >= 1.
void context_mean(const float* input, const std::int32_t* ids, int n, int dim, float* h) {
  const float* first = input + static_cast<std::size_t>(ids[0]) * static_cast<std::size_t>(dim);
  for (int k = 0; k < dim; ++k) h[k] = first[k];
  for (int c = 1; c < n; ++c) add_to(input + static_cast<std::size_t>(ids[c]) * static_cast<std::size_t>(dim), h, dim);
  if (n > 1) scale(1.0f / static_cast<float>(n), h, dim);
}

}  // namespace

float cbow_update_word(const CbowWeightsView& w, const std::int32_t* context, int n_context, std::int32_t target,
                       const std::int32_t* negatives, int n_negative, float alpha, const SigmoidTable& sigmoid,
                       float* h, float* e) {
  const int dim = w.dim;
  context_mean(w.input, context, n_context, dim, h);
  set_zero(e, dim);
  float loss = 0.0f;
  for (int d = -1; d < n_negative; ++d) {
    const bool positive = d < 0;
    const std::int32_t l = positive ? target : negatives[d];
    if (!positive && l == target) continue;
    float* out = row(w.output, l, dim);
    const float f = dot(h, out, dim);
    const float g = ((positive ? 1.0f : 0.0f) - sigmoid.sigmoid(f)) * alpha;
    loss -= sigmoid.log_sigmoid(positive ? f : -f);
    axpy(g, out, e, dim);
    axpy(g, h, out, dim);
  }
  for (int c = 0; c < n_context; ++c) add_to(e, row(w.input, context[c], dim), dim);
  return loss;
}

void CbowBatchScratch::reserve(int batch, int negative, int dim) {
  dim_ = dim;
  stride_ = negative + 1;
  const std::size_t rows = static_cast<std::size_t>(batch) * static_cast<std::size_t>(dim);
  if (h_.size() < rows) {
    h_.resize(rows);
    dh_.resize(rows);
  }
  if (g_.size() < static_cast<std::size_t>(batch) * static_cast<std::size_t>(stride_)) {
    g_.resize(static_cast<std::size_t>(batch) * static_cast<std::size_t>(stride_));
  }
}

float cbow_update_batch(const CbowWeightsView& w, const CbowBatch& batch, const std::int32_t* negatives, int n_negative,
                        float alpha, const SigmoidTable& sigmoid, CbowBatchScratch& s) {
  const int dim = w.dim;
  const int size = batch.size;
  for (int i = 0; i < size; ++i) {
    const int start = batch.context_starts[i];
    context_mean(w.input, batch.context_ids + start, batch.context_starts[i + 1] - start, dim, s.h(i));
  }
  // Scores and gradients at the old weights: G (with the centre word in column 0) and dH.
  float loss = 0.0f;
  for (int i = 0; i < size; ++i) {
    const float* h = s.h(i);
    float* dh = s.dh(i);
    const float* p = row(w.output, batch.targets[i], dim);
    const float fp = dot(h, p, dim);
    const float gp = (1.0f - sigmoid.sigmoid(fp)) * alpha;
    loss -= sigmoid.log_sigmoid(fp);
    s.g(i, 0) = gp;
    for (int k = 0; k < dim; ++k) dh[k] = gp * p[k];
    for (int j = 0; j < n_negative; ++j) {
      if (negatives[j] == batch.targets[i]) {
        s.g(i, j + 1) = 0.0f;
        continue;
      }
      const float* n = row(w.output, negatives[j], dim);
      const float f = dot(h, n, dim);
      const float g = -sigmoid.sigmoid(f) * alpha;
      loss -= sigmoid.log_sigmoid(-f);
      s.g(i, j + 1) = g;
      axpy(g, n, dh, dim);
    }
  }
  // Output rows: dP_i = g_pos_i H_i, dN = G^T H.
  for (int i = 0; i < size; ++i) axpy(s.g(i, 0), s.h(i), row(w.output, batch.targets[i], dim), dim);
  for (int j = 0; j < n_negative; ++j) {
    float* n = row(w.output, negatives[j], dim);
    for (int i = 0; i < size; ++i) {
      const float g = s.g(i, j + 1);
      if (g != 0.0f) axpy(g, s.h(i), n, dim);
    }
  }
  // Input rows: every context word of centre i moves by dH_i.
  for (int i = 0; i < size; ++i) {
    const float* dh = s.dh(i);
    for (int c = batch.context_starts[i]; c < batch.context_starts[i + 1]; ++c) {
      add_to(dh, row(w.input, batch.context_ids[c], dim), dim);
    }
  }
  return loss;
}

}  // namespace embplay
