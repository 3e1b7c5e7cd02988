// See pretrained_embeddings.h.
#include "vectors/pretrained_embeddings.h"

#include <stdexcept>

namespace embplay {

std::shared_ptr<const WordVectors> PretrainedEmbeddings::make_vectors(std::vector<std::string> names, RowMatrix tokens) {
  if (names.size() != static_cast<std::size_t>(tokens.rows()))
    throw std::invalid_argument("the token table has " + std::to_string(tokens.rows()) + " rows, the vocabulary " +
                                std::to_string(names.size()) + " tokens");
  return std::make_shared<const WordVectors>(std::move(names), std::move(tokens));
}

PretrainedEmbeddings::PretrainedEmbeddings(std::vector<std::string> names, PretrainedTables tables)
    : vectors_(make_vectors(std::move(names), std::move(tables.tokens))),
      space_(vectors_),
      positions_(std::move(tables.positions)) {}

float PretrainedEmbeddings::row_norm(std::int32_t id) const {
  if (id < 0 || static_cast<std::size_t>(id) >= vocab_size()) throw std::out_of_range("token id " + std::to_string(id) + " is out of range");
  return vectors_->vectors().row(id).norm();
}

std::vector<std::string> PretrainedEmbeddings::numbered_names(std::size_t rows) {
  std::vector<std::string> names;
  names.reserve(rows);
  for (std::size_t i = 0; i < rows; ++i) names.push_back("#" + std::to_string(i));
  return names;
}

}  // namespace embplay
