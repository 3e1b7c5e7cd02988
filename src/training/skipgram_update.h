// The skip-gram negative-sampling step for one (input word, target word) pair (Mikolov et al.
// 2013b; with subwords fastText's Model::update, Bojanowski et al. 2017, eq. 3 with negative
// sampling). Which word of the pair is the input is the caller's choice (word2vec_worker.cpp:
// the context word for whole words, as word2vec.c; the centre word for subwords, as fastText).
//
// The input word's vector h is the mean of its input rows (its own row; with subwords also
// its n-gram rows). The objective (maximised) for the pair (input, t) is
//     log sigma(h . out[t]) + sum over noise words k of log sigma(-h . out[k]),
// exactly the CBOW objective with the input word's rows in place of the context: the
// step is the one cbow_update.h computes (output rows move by g h, every input row by the
// undivided e = sum of g out[l]), so the two architectures share it rather than copy it.
// Skip-gram differs in what it feeds the step: one pair per context word, each with its
// own noise words (word2vec_worker.cpp).
#pragma once

#include <cstdint>

#include "training/cbow_update.h"

namespace embplay {

// Returns the loss of the pair at the old weights. `h` and `e` are scratch of dim floats.
inline float skipgram_update_pair(const CbowWeightsView& w, const std::int32_t* input_rows, int n_rows,
                                  std::int32_t target_word, const std::int32_t* negatives, int n_negative, float alpha,
                                  const SigmoidTable& sigmoid, float* h, float* e) {
  return cbow_update_word(w, input_rows, n_rows, target_word, negatives, n_negative, alpha, sigmoid, h, e);
}

}  // namespace embplay
