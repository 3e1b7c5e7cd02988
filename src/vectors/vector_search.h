// Cosine search over word vectors: nearest neighbours of a word and word2vec's analogy
// (3CosAdd, Mikolov et al. 2013: the words nearest to b - a + c, so "man king woman" ->
// "queen"), over rows scaled to unit length once, as word2vec's distance.c and gensim do.
// Neighbours can also be ranked by Euclidean distance between the raw (not unit-scaled)
// rows: |x - q|^2 = |x|^2 - 2 x.q + |q|^2, with x.q = |x| (unit(x).q), so one matrix-vector
// product and the row norms kept from the scaling serve both metrics (no second copy).
#pragma once

#include <cstdint>
#include <vector>

#include "transformer/embedding_table.h"
#include "math/similarity.h"

namespace embplay {

class VectorSearch {
 public:
  // Scales each row to unit length (all-zero rows stay zero). `restrict_rows` > 0 searches
  // only the first that many rows (the most frequent words in a word2vec file), as
  // gensim's restrict_vocab does.
  explicit VectorSearch(const RowMatrix& rows, std::size_t restrict_rows = 0);

  std::size_t rows() const noexcept { return static_cast<std::size_t>(unit_.rows()); }
  const RowMatrix& unit_rows() const noexcept { return unit_; }

  // The k rows nearest to `query`, nearest first, ties by lower row; rows in `exclude` are
  // skipped. Cosine: highest cosine similarity first. Euclidean: `query` is a raw vector,
  // the score is its distance to the raw row, smallest first.
  std::vector<Neighbor> nearest(const RowVector& query, std::size_t k, const std::vector<std::int32_t>& exclude,
                                Metric metric = Metric::Cosine) const;
  // Neighbours of row `row` (excluded itself). Throws std::out_of_range for a bad row.
  std::vector<Neighbor> neighbors(std::int32_t row, std::size_t k, Metric metric = Metric::Cosine) const;
  // Rows nearest to unit(b) - unit(a) + unit(c), excluding a, b and c.
  std::vector<Neighbor> analogy(std::int32_t a, std::int32_t b, std::int32_t c, std::size_t k) const;
  // analogy(a_i, b_i, c_i, 1)[0].id for many questions at once (one matrix product per
  // block of questions); -1 when nothing is left to answer.
  std::vector<std::int32_t> best_analogies(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b,
                                           const std::vector<std::int32_t>& c) const;

 private:
  void check_row(std::int32_t row) const;
  Eigen::VectorXf euclidean_distances(const RowVector& query) const;
  RowMatrix unit_;
  Eigen::VectorXf norms_;  // |row| before scaling
};

}  // namespace embplay
