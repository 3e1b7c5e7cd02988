// A trained subword model (Bojanowski et al. 2017), fastText's FastText object minus
// training: the vocabulary with counts, the hyperparameters a fastText .bin records, the
// input matrix (one row per word, then `bucket` n-gram rows) and the output matrix. It
// gives a vector for any string, seen or not, exactly as fastText's getWordVector does:
// the mean of the word's own row (if it is in the vocabulary) and its n-gram rows. An
// unseen word with no n-gram (maxn 0) gets zeros, as in fastText.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fasttext/subword_ngrams.h"
#include "transformer/embedding_table.h"
#include "vectors/word_vectors.h"

namespace embplay {

// fastText's Args fields that its .bin stores (src/args.cc, Args::save), with its enums.
struct FastTextArgs {
  enum Model : std::int32_t { kCbow = 1, kSkipGram = 2, kSupervised = 3 };
  enum Loss : std::int32_t { kHierarchicalSoftmax = 1, kNegativeSampling = 2, kSoftmax = 3, kOneVsAll = 4 };
  std::int32_t dim = 100;
  std::int32_t ws = 5;
  std::int32_t epoch = 5;
  std::int32_t min_count = 5;
  std::int32_t neg = 5;
  std::int32_t word_ngrams = 1;
  std::int32_t loss = kNegativeSampling;
  std::int32_t model = kSkipGram;
  std::int32_t bucket = 2000000;
  std::int32_t minn = 3;
  std::int32_t maxn = 6;
  std::int32_t lr_update_rate = 100;
  double t = 1e-4;
};

class SubwordModel {
 public:
  // Throws std::invalid_argument when the parts do not fit together: counts per word,
  // input rows = words + bucket, output rows = words, dim columns, minn/maxn/bucket valid
  // (maxn 0 = no n-grams, as fastText's -maxn 0), no empty or repeated word.
  SubwordModel(FastTextArgs args, std::vector<std::string> words, std::vector<std::int64_t> counts, std::int64_t ntokens,
               RowMatrix input, RowMatrix output);

  const FastTextArgs& args() const noexcept { return args_; }
  std::size_t size() const noexcept { return words_.size(); }
  std::size_t dim() const noexcept { return static_cast<std::size_t>(input_.cols()); }
  const std::vector<std::string>& words() const noexcept { return words_; }
  const std::vector<std::int64_t>& counts() const noexcept { return counts_; }
  std::int64_t ntokens() const noexcept { return ntokens_; }
  const RowMatrix& input() const noexcept { return input_; }
  const RowMatrix& output() const noexcept { return output_; }

  // Vocabulary index of `word`, or -1.
  long index_of(std::string_view word) const;
  // The input rows that make up `word`'s vector: its own row if known, then its n-grams'.
  std::vector<std::int32_t> rows_of(std::string_view word) const;
  // `word`'s vector (dim floats), seen or not.
  std::vector<float> vector(std::string_view word) const;

  struct Ngram {
    std::string text;  // e.g. "<왕" (the word itself for its own row)
    std::int32_t row;
    bool whole_word;   // the word's own row rather than an n-gram
  };
  // The pieces of `word`'s vector in rows_of order; each contributes row / count.
  std::vector<Ngram> pieces(std::string_view word) const;

  // Every vocabulary word with its vector (for neighbours, analogies, .vec files).
  WordVectors word_vectors() const;

 private:
  bool has_ngrams() const noexcept { return args_.maxn > 0; }
  SubwordOptions options() const;

  FastTextArgs args_;
  std::vector<std::string> words_;
  std::vector<std::int64_t> counts_;
  std::int64_t ntokens_;
  RowMatrix input_, output_;
  std::unordered_map<std::string, long> index_;
};

}  // namespace embplay
