// The CBOW negative-sampling update (Mikolov et al. 2013), per word as in word2vec.c and
// batched with shared negatives (Ji et al. 2016, "Parallelizing Word2Vec in Shared and
// Distributed Memory").
//
// For a centre word t with context words c_1..c_n, h = mean(in[c_i]), and the objective
// (maximised) is
//     log sigma(h . out[t]) + sum over noise words k of log sigma(-h . out[k]).
// With g = alpha * (label - sigma(h . out[l])) for each output row l (label 1 for t,
// 0 for noise), the step is out[l] += g h and, for every context word, in[c_i] += e with
// e = sum of g out[l] (old rows). Like word2vec.c with cbow_mean = 1, e is applied to
// each context word undivided: it is alpha times the gradient with respect to h.
// Noise words equal to the centre word are skipped, as in word2vec.c.
//
// The batched step takes B centre words that share the same K noise words. With H the
// B x d matrix of context means, P the rows of the centre words and N the K x d noise
// rows, all gradients come from the old weights:
//     S = H N^T,  G = -alpha sigma(S) (0 where a noise word is the row's centre word),
//     dH = g_pos P + G N,  dP_i = g_pos_i H_i,  dN = G^T H,
// then the output rows move, and each context word moves by its row of dH. B = 1 gives
// the per-word step except when a noise word is drawn twice.
#pragma once

#include <cstdint>
#include <vector>

#include "training/sigmoid_table.h"

namespace embplay {

// The two weight matrices, row-major, `dim` floats per row.
struct CbowWeightsView {
  float* input;   // in[id]: the word vectors users see
  float* output;  // out[id]: the negative-sampling output vectors (word2vec's syn1neg)
  int dim;
};

// Returns the objective's negation (the loss, >= 0) at the old weights.
// `h` and `e` are scratch of dim floats.
float cbow_update_word(const CbowWeightsView& w, const std::int32_t* context, int n_context, std::int32_t target,
                       const std::int32_t* negatives, int n_negative, float alpha, const SigmoidTable& sigmoid,
                       float* h, float* e);

// B centre words and their contexts: centre i has context ids
// context_ids[context_starts[i] .. context_starts[i + 1]), at least one each.
struct CbowBatch {
  const std::int32_t* targets;
  int size;
  const std::int32_t* context_ids;
  const int* context_starts;
};

class CbowBatchScratch {
 public:
  void reserve(int batch, int negative, int dim);
  float* h(int i) { return h_.data() + static_cast<std::size_t>(i) * dim_; }
  float* dh(int i) { return dh_.data() + static_cast<std::size_t>(i) * dim_; }
  float& g(int i, int j) { return g_[static_cast<std::size_t>(i) * stride_ + static_cast<std::size_t>(j)]; }

 private:
  std::vector<float> h_, dh_, g_;
  int dim_ = 0;
  int stride_ = 0;  // negatives + 1: column 0 is the centre word, 1.. the noise words
};

// Returns the summed loss of the B centre words at the old weights.
float cbow_update_batch(const CbowWeightsView& w, const CbowBatch& batch, const std::int32_t* negatives, int n_negative,
                        float alpha, const SigmoidTable& sigmoid, CbowBatchScratch& scratch);

}  // namespace embplay
