// The word2vec family with negative sampling, trained incrementally: CBOW (Mikolov et al.
// 2013a) or skip-gram (2013b), on whole words or on fastText subwords (Bojanowski et al.
// 2017; config.arch, config.subwords). Training is incremental:
// train(n) runs about n more words and returns progress, so a Web Worker can train in
// chunks, post progress, pause, resume or cancel between chunks, and plot the vectors,
// which are readable between calls.
//
// Semantics follow word2vec.c: context = mean of the input vectors within a window shrunk
// per centre word, `negative` noise words from unigram^0.75, subsampling with threshold
// `sample`, learning rate decaying linearly from alpha to alpha * 1e-4 over all epochs,
// no context across a line break. Input rows (words and n-gram buckets) start uniform in
// [-1/d, 1/d) as in gensim 4 and fastText (word2vec.c: [-0.5/d, 0.5/d)), output vectors at zero. `batch` > 1 switches to the shared-negative batched update
// (cbow_update.h). With threads = 1 a seed gives the same bits run after run, natively
// and in WASM; threads > 1 is Hogwild (lock-free, not reproducible).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fasttext/subword_model.h"
#include "training/word2vec_config.h"
#include "training/word2vec_worker.h"
#include "transformer/embedding_table.h"
#include "training/negative_sampler.h"
#include "training/sigmoid_table.h"
#include "training/training_corpus.h"
#include "vectors/word_vectors.h"

namespace embplay {

struct Word2vecProgress {
  std::uint64_t words_done = 0;   // vocabulary words read so far, subsampled ones included, over all epochs
  std::uint64_t total_words = 0;  // epochs * corpus words
  int epoch = 0;                  // the epoch being trained (1-based; = epochs when finished)
  double loss = 0.0;              // mean negative-sampling loss per trained word over the last loss_window words (NaN before any)
  double learning_rate = 0.0;     // the current alpha
  double seconds = 0.0;           // time spent inside train()
  double words_per_second = 0.0;  // words_done / seconds
  double eta_seconds = 0.0;       // at the current speed
  bool finished = false;
};

class Word2vecTrainer {
 public:
  // Validates the config (std::invalid_argument) and that the corpus can train: at least
  // two vocabulary words, and some line with two of them.
  Word2vecTrainer(TrainingCorpus corpus, const Word2vecConfig& config);
  ~Word2vecTrainer();
  Word2vecTrainer(const Word2vecTrainer&) = delete;
  Word2vecTrainer& operator=(const Word2vecTrainer&) = delete;

  // Trains about n_words more words (whole sentences, so up to one sentence more per
  // thread), or to the end. Throws std::runtime_error when training diverges (loss NaN or
  // infinite); the trainer then refuses to train or export.
  Word2vecProgress train(std::uint64_t n_words);
  Word2vecProgress progress() const;
  bool finished() const noexcept;

  // Things worth telling the user that are not errors (e.g. a window longer than every line).
  const std::vector<std::string>& warnings() const noexcept { return warnings_; }
  const Word2vecConfig& config() const noexcept { return config_; }
  const TrainingCorpus& corpus() const noexcept { return corpus_; }
  // Row id = vocabulary id; row 0 ([UNK]) is never trained. With subwords the bucket rows
  // follow the vocabulary rows: n-gram g is row vocabulary().size() + hash(g) % bucket.
  const RowMatrix& input_vectors() const noexcept { return input_; }
  const RowMatrix& output_vectors() const noexcept { return output_; }
  // The vocabulary words (without [UNK]) and their input vectors (with subwords: the mean of
  // each word's own row and n-gram rows, as fastText computes a word's vector). Throws
  // std::runtime_error after divergence or if any value is not finite.
  WordVectors word_vectors() const;
  // With subwords: the model in fastText's terms (vocabulary with counts, hyperparameters,
  // input rows without [UNK], output rows), for .bin files and vectors of unseen words.
  // Throws std::logic_error without subwords, std::runtime_error as word_vectors().
  SubwordModel subword_model() const;
  // The same, moving the weights out instead of copying them (a 2,000,000-bucket table is
  // 800 MB at size 100); the trainer cannot train or export afterwards.
  SubwordModel release_subword_model();

 private:
  struct Cursor {
    std::size_t begin, end;  // this thread's sentences
    std::size_t next;
    int epoch;               // completed epochs over the slice
  };
  void split_sentences();
  void build_subword_rows();
  RowMatrix word_rows() const;
  void check_exportable() const;
  SubwordModel make_subword_model(RowMatrix input, RowMatrix output) const;
  std::uint64_t run(std::size_t t, std::uint64_t quota);
  float current_alpha() const noexcept;
  void check_trainable() const;
  [[noreturn]] void throw_diverged() const;

  TrainingCorpus corpus_;
  Word2vecConfig config_;
  RowMatrix input_;
  RowMatrix output_;
  SigmoidTable sigmoid_;
  NegativeSampler sampler_;
  std::vector<std::uint32_t> keep_;
  std::vector<std::uint32_t> subword_starts_;  // with subwords: word id -> its input rows (CSR)
  std::vector<std::int32_t> subword_rows_;
  std::vector<std::unique_ptr<Word2vecWorker>> workers_;
  std::vector<Cursor> cursors_;
  std::atomic<std::uint64_t> words_done_{0};
  std::atomic<bool> diverged_{false};
  bool released_ = false;
  double seconds_ = 0.0;
  std::vector<std::string> warnings_;
};

}  // namespace embplay
