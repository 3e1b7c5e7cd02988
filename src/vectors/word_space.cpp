// See word_space.h.
#include "vectors/word_space.h"

#include <stdexcept>
#include <string>

#include "vectors/word_direction.h"

namespace embplay {

namespace {
const WordVectors& checked(const std::shared_ptr<const WordVectors>& vectors) {
  if (!vectors) throw std::invalid_argument("WordSpace needs word vectors");
  return *vectors;
}
}  // namespace

WordSpace::WordSpace(std::shared_ptr<const WordVectors> vectors)
    : vectors_(std::move(vectors)), search_(checked(vectors_).vectors()) {}

std::int32_t WordSpace::row_of(std::string_view word) const {
  const long row = vectors_->index_of(word);
  if (row < 0) throw std::invalid_argument("'" + std::string(word) + "' is not in the vocabulary");
  return static_cast<std::int32_t>(row);
}

std::vector<Neighbor> WordSpace::neighbors(std::string_view word, std::size_t k, Metric metric) const {
  return search_.neighbors(row_of(word), k, metric);
}

std::vector<Neighbor> WordSpace::analogy(std::string_view a, std::string_view b, std::string_view c, std::size_t k) const {
  return search_.analogy(row_of(a), row_of(b), row_of(c), k);
}

Eigen::VectorXf WordSpace::direction(const std::vector<std::pair<std::string, std::string>>& pairs) const {
  std::vector<RowPair> rows;
  rows.reserve(pairs.size());
  for (const auto& [a, b] : pairs) rows.push_back({row_of(a), row_of(b)});
  return project_on_direction(vectors_->vectors(), pair_direction(vectors_->vectors(), rows));
}

}  // namespace embplay
