// Hyperparameters of the word2vec trainer family (CBOW, skip-gram, each on whole words or
// on fastText subwords), with word2vec's names and CBOW defaults (word2vec.c's demo:
// -cbow 1 -size 100 -window 5 -negative 5 -sample 1e-4 -iter 5), and their validation with
// one-line messages naming the bad value.
#pragma once

#include <cstdint>
#include <string_view>

#include "fasttext/subword_ngrams.h"

namespace embplay {

inline constexpr int kMaxVectorSize = 4096;
inline constexpr int kMaxWindow = 100;
inline constexpr int kMaxNegative = 100;
inline constexpr int kMaxEpochs = 1000;
inline constexpr int kMaxBatch = 64;
inline constexpr int kMaxThreads = 256;

// CBOW predicts the centre word from the mean of its context (Mikolov et al. 2013a);
// skip-gram predicts each context word from the centre word (Mikolov et al. 2013b).
enum class Architecture { Cbow, SkipGram };

// "cbow" | "skipgram"; throws std::invalid_argument otherwise.
Architecture parse_architecture(std::string_view name);
const char* architecture_name(Architecture arch) noexcept;

struct Word2vecConfig {
  Architecture arch = Architecture::Cbow;
  // fastText's subword model (Bojanowski et al. 2017): a word's input vector is the mean of
  // its own row and its character n-gram rows (fasttext/subword_ngrams.h).
  bool subwords = false;
  SubwordOptions ngrams;        // minn, maxn, bucket; used only with subwords
  int size = 100;               // vector dimension d
  int window = 5;               // max context distance; each centre word uses w - b, b uniform in [0, w)
  int negative = 5;             // noise words per update, from unigram^0.75
  double sample = 1e-4;         // subsampling threshold (0 = keep every word)
  std::uint64_t min_count = 5;  // drop words seen fewer times
  int epochs = 5;               // passes over the corpus
  double alpha = 0.05;          // starting learning rate, decays linearly to alpha * 1e-4
  // Centre words per update. 1 = word2vec's per-word update; B > 1 = B consecutive
  // centre words share their negatives and are updated together (Ji et al. 2016).
  // Default 1: on the GCIDE benchmark (README, "CBOW benchmark") B = 2 already costs
  // about 1 analogy point and B = 16 about 5.6, for 1.15-1.7x the speed of B = 1.
  // Batches are CBOW on whole words only.
  int batch = 1;
  int threads = 1;              // Hogwild threads (native only; must be 1 in WASM)
  std::uint64_t seed = 1;
  std::uint64_t loss_window = 100000;  // the reported loss is the mean over this many recent words
};

// Throws std::invalid_argument naming the first bad field, e.g.
// "size must be between 1 and 4096, got 0".
void validate(const Word2vecConfig& config);

}  // namespace embplay
