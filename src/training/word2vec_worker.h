// One training thread's walk over sentences: subsampling of frequent words, the
// shrinking window, drawing noise words, and the update: CBOW per word or batched
// (cbow_update.h), or skip-gram (skipgram_update.h), each on whole words or subwords. Scratch buffers and the random stream belong to the worker, so
// Hogwild threads share only the weights (the shape of fastText's per-thread State).
#pragma once

#include <cstdint>
#include <vector>

#include "training/word2vec_config.h"
#include "training/cbow_update.h"
#include "training/loss_window.h"
#include "training/negative_sampler.h"
#include "math/random.h"
#include "training/sigmoid_table.h"

namespace embplay {

// What every worker reads (and, for the weights, writes).
struct Word2vecShared {
  CbowWeightsView weights;
  const NegativeSampler* sampler;
  const SigmoidTable* sigmoid;
  // Subsampling: word id is kept when a uniform 32-bit draw is below keep[id];
  // kAlwaysKeep skips the draw.
  const std::vector<std::uint32_t>* keep;
  int window;
  int negative;
  int batch;
  Architecture arch = Architecture::Cbow;
  // Subwords: word id's input rows are subword_rows[subword_starts[id] .. subword_starts[id + 1])
  // (its own row, then its n-gram rows). Null for whole words (the input row is the id).
  const std::uint32_t* subword_starts = nullptr;
  const std::int32_t* subword_rows = nullptr;
};

inline constexpr std::uint32_t kAlwaysKeep = 0xFFFFFFFFu;

// word2vec's subsampling: keep probability (sqrt(c / (s T)) + 1) (s T) / c for a word seen
// c times among T, threshold s (Mikolov et al. 2013, as implemented in word2vec.c).
std::vector<std::uint32_t> subsampling_thresholds(const std::vector<std::uint64_t>& counts, std::uint64_t total,
                                                  double sample);

class Word2vecWorker {
 public:
  Word2vecWorker(const Word2vecShared& shared, std::uint64_t seed, std::uint64_t loss_window);

  // Trains on one sentence of vocabulary ids at learning rate `alpha`. Returns false when
  // the loss became NaN or infinite (the weights have diverged).
  bool train_sentence(const std::int32_t* ids, std::size_t n, float alpha);

  const LossWindow& loss() const noexcept { return loss_; }

 private:
  void subsample(const std::int32_t* ids, std::size_t n);
  // Fills `context` with the words around kept_[i] inside a freshly shrunk window.
  void gather_context(std::size_t i, std::vector<std::int32_t>& context);
  void draw_negatives(std::vector<std::int32_t>& negatives);
  void prefetch_output_rows(const std::vector<std::int32_t>& ids);
  double train_per_word(float alpha);
  double train_batched(float alpha);
  // Skip-gram, and CBOW on subwords: plain loops without the look-ahead.
  double train_skipgram(float alpha);
  double train_cbow_subwords(float alpha);
  // bag_ = the input rows of ids[0..n).
  void input_rows(const std::int32_t* ids, std::size_t n);

  Word2vecShared shared_;
  Rng rng_;
  LossWindow loss_;
  std::vector<std::int32_t> kept_;
  std::vector<std::int32_t> context_;
  std::vector<std::int32_t> negatives_;
  std::vector<float> h_, e_;
  std::vector<std::int32_t> bag_;
  // Per-word mode: the current word's window and noise words, and the next word's.
  struct Slot {
    std::vector<std::int32_t> context;
    std::vector<std::int32_t> negatives;
  };
  Slot slots_[2];
  // Batched mode: the batch's centre words and their contexts, flattened.
  std::vector<std::int32_t> targets_;
  std::vector<std::int32_t> batch_context_;
  std::vector<int> batch_starts_;
  CbowBatchScratch scratch_;
  std::uint64_t trained_ = 0;  // centre words updated in the current sentence
  float touched_ = 0.0f;       // sink for prefetch() loads in WASM
};

}  // namespace embplay
