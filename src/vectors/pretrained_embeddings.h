// A pretrained model's embedding tables with the names of their rows, ready for questions:
// a token id selects its row of W_E (the lookup), the tokens nearest to a token by cosine
// among ALL rows (50,257 for GPT-2, where "Ġking" and "king" are different rows), and the
// learned position table beside it. The rows are scaled to unit length once (word_space.h),
// so each question after loading costs one matrix-vector product.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "formats/pretrained_loader.h"
#include "vectors/pca_projection.h"
#include "vectors/word_space.h"
#include "vectors/word_vectors.h"

namespace embplay {

class PretrainedEmbeddings {
 public:
  // `names[i]` names row i of the token table (GPT-2's "Ġking", vocab.txt's lines, or "#i");
  // throws std::invalid_argument naming both numbers when they differ.
  PretrainedEmbeddings(std::vector<std::string> names, PretrainedTables tables);

  const WordVectors& tokens() const noexcept { return *vectors_; }
  const WordSpace& space() const noexcept { return space_; }
  const RowMatrix& positions() const noexcept { return positions_; }
  std::size_t vocab_size() const noexcept { return vectors_->size(); }
  std::size_t width() const noexcept { return vectors_->dim(); }
  // |row id|; throws std::out_of_range for a bad id.
  float row_norm(std::int32_t id) const;
  // The k tokens scoring highest (`highest`) or lowest on the direction from each pair's first
  // token to its second (word_direction.h), in that order; ties by lower id.
  std::vector<Neighbor> along_direction(const std::vector<std::pair<std::string, std::string>>& pairs, std::size_t k,
                                        bool highest) const;

  // The rows of `ids` on their first k principal axes (pca_projection.h): the PCA plot of
  // chosen tokens. Throws std::out_of_range for a bad id, std::invalid_argument as pca_project.
  PcaProjection project(const std::vector<std::int32_t>& ids, int k) const;

  // "#0", "#1", ...: names for a table whose vocabulary is unknown.
  static std::vector<std::string> numbered_names(std::size_t rows);

 private:
  static std::shared_ptr<const WordVectors> make_vectors(std::vector<std::string> names, RowMatrix tokens);
  std::shared_ptr<const WordVectors> vectors_;
  WordSpace space_;
  RowMatrix positions_;
};

}  // namespace embplay
