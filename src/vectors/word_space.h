// Word vectors ready to be asked questions by word: neighbours (cosine or Euclidean),
// word2vec's analogy (3CosAdd, Mikolov et al. 2013) and a direction from word pairs
// (word_direction.h). The rows are scaled to unit length once,
// when the space is built (vector_search.h), so every question after the first costs one
// matrix-vector product instead of a copy and scaling of the whole matrix: for 100,000 x 300
// vectors that is the difference between ~10 ms and ~100 ms per question in WebAssembly.
// The vectors are shared, not copied: the space keeps them alive.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "math/similarity.h"
#include "vectors/vector_search.h"
#include "vectors/word_vectors.h"

namespace embplay {

class WordSpace {
 public:
  explicit WordSpace(std::shared_ptr<const WordVectors> vectors);

  const WordVectors& vectors() const noexcept { return *vectors_; }
  // Row of `word`; throws std::invalid_argument "'word' is not in the vocabulary".
  std::int32_t row_of(std::string_view word) const;
  // The k words nearest to `word` (itself excluded), nearest first.
  std::vector<Neighbor> neighbors(std::string_view word, std::size_t k, Metric metric = Metric::Cosine) const;
  // The k words nearest to b - a + c ("man" is to "king" as "woman" is to ?), a, b, c excluded.
  std::vector<Neighbor> analogy(std::string_view a, std::string_view b, std::string_view c, std::size_t k) const;
  // Every word's projection (row order) on the unit direction from each pair's first word to
  // its second, averaged over the pairs (dog -> dogs, cat -> cats: the plural direction).
  Eigen::VectorXf direction(const std::vector<std::pair<std::string, std::string>>& pairs) const;

 private:
  std::shared_ptr<const WordVectors> vectors_;
  VectorSearch search_;
};

}  // namespace embplay
