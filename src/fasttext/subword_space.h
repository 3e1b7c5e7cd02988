// A subword model ready to be asked questions by word, seen or not (Bojanowski et al.
// 2017: "we can build vectors for unseen words"): neighbours and word2vec's analogy over
// the vocabulary, and how much each piece (the word's own row, each n-gram) contributes
// to a word's vector. The vocabulary vectors are computed and scaled once, when the space
// is built (as WordSpace does for whole words).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fasttext/subword_model.h"
#include "math/similarity.h"
#include "vectors/vector_search.h"
#include "vectors/word_vectors.h"

namespace embplay {

class SubwordSpace {
 public:
  explicit SubwordSpace(std::shared_ptr<const SubwordModel> model);

  const SubwordModel& model() const noexcept { return *model_; }
  const WordVectors& vectors() const noexcept { return vectors_; }
  bool seen(std::string_view word) const { return model_->index_of(word) >= 0; }

  // The k vocabulary words nearest to `word`'s vector (the word itself excluded if seen).
  std::vector<Neighbor> neighbors(std::string_view word, std::size_t k, Metric metric = Metric::Cosine) const;
  // The k words nearest to unit(b) - unit(a) + unit(c), a, b and c excluded; any of them may be unseen.
  std::vector<Neighbor> analogy(std::string_view a, std::string_view b, std::string_view c, std::size_t k) const;

  struct Piece {
    std::string text;
    bool whole_word;
    // This piece's share of the word's vector v = mean of the n piece rows r_i:
    // (r_i . v) / (n |v|^2). The shares sum to 1 (0 each when v is zero).
    double share;
  };
  std::vector<Piece> pieces(std::string_view word) const;

 private:
  RowVector vector(std::string_view word) const;
  std::vector<std::int32_t> self(std::string_view word) const;

  std::shared_ptr<const SubwordModel> model_;
  WordVectors vectors_;
  VectorSearch search_;
};

}  // namespace embplay
