// See subword_space.h.
#include "fasttext/subword_space.h"

namespace embplay {

SubwordSpace::SubwordSpace(std::shared_ptr<const SubwordModel> model)
    : model_(std::move(model)), vectors_(model_->word_vectors()), search_(vectors_.vectors()) {}

RowVector SubwordSpace::vector(std::string_view word) const {
  const std::vector<float> v = model_->vector(word);
  return Eigen::Map<const RowVector>(v.data(), static_cast<Eigen::Index>(v.size()));
}

std::vector<std::int32_t> SubwordSpace::self(std::string_view word) const {
  const long row = model_->index_of(word);
  return row >= 0 ? std::vector<std::int32_t>{static_cast<std::int32_t>(row)} : std::vector<std::int32_t>{};
}

std::vector<Neighbor> SubwordSpace::neighbors(std::string_view word, std::size_t k, Metric metric) const {
  return search_.nearest(vector(word), k, self(word), metric);
}

std::vector<Neighbor> SubwordSpace::analogy(std::string_view a, std::string_view b, std::string_view c, std::size_t k) const {
  RowVector query = RowVector::Zero(static_cast<Eigen::Index>(model_->dim()));
  std::vector<std::int32_t> exclude;
  for (const auto& [word, sign] : {std::pair{a, -1.0f}, std::pair{b, 1.0f}, std::pair{c, 1.0f}}) {
    RowVector v = vector(word);
    const float norm = v.norm();
    if (norm > 0.0f) query += (sign / norm) * v;
    for (auto r : self(word)) exclude.push_back(r);
  }
  return search_.nearest(query, k, exclude);
}

std::vector<SubwordSpace::Piece> SubwordSpace::pieces(std::string_view word) const {
  const auto parts = model_->pieces(word);
  const RowVector v = vector(word);
  const double norm2 = static_cast<double>(v.squaredNorm());
  const double n = static_cast<double>(parts.size());
  std::vector<Piece> out;
  for (const auto& p : parts) {
    const double dot = static_cast<double>(model_->input().row(p.row).dot(v));
    out.push_back({p.text, p.whole_word, norm2 > 0.0 ? dot / (n * norm2) : 0.0});
  }
  return out;
}

}  // namespace embplay
