// See vocabulary.h.
#include "text/vocabulary.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace embplay {

void VocabularyCounter::add(std::string_view token, std::uint64_t times) {
  auto it = index_.find(token);
  if (it == index_.end()) {
    tokens_.emplace_back(token);
    counts_.push_back(0);
    it = index_.emplace(tokens_.back(), static_cast<std::uint32_t>(tokens_.size() - 1)).first;
  }
  counts_[it->second] += times;
  total_ += times;
}

void VocabularyCounter::add_all(const TokenSequence& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) add(tokens.text(i));
}

Vocabulary::Vocabulary() : tokens_{kUnkToken}, counts_{0} { rebuild_index(); }

Vocabulary::Vocabulary(const Vocabulary& other) : tokens_(other.tokens_), counts_(other.counts_) { rebuild_index(); }

Vocabulary& Vocabulary::operator=(const Vocabulary& other) {
  if (this != &other) {
    tokens_ = other.tokens_;
    counts_ = other.counts_;
    rebuild_index();
  }
  return *this;
}

Vocabulary Vocabulary::build(const VocabularyCounter& counter, const VocabularyOptions& options) {
  if (options.min_count == 0) throw std::invalid_argument("min_count must be at least 1, got 0");
  if (options.max_size == 1) throw std::invalid_argument("max_size must be 0 (unlimited) or at least 2, got 1");
  std::vector<std::uint32_t> order;
  order.reserve(counter.tokens_.size());
  for (std::uint32_t i = 0; i < counter.tokens_.size(); ++i) {
    if (counter.counts_[i] >= options.min_count && counter.tokens_[i] != kUnkToken) order.push_back(i);
  }
  // Count descending; ties keep first-occurrence order (stable sort over occurrence order).
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return counter.counts_[a] > counter.counts_[b]; });
  if (options.max_size != 0 && order.size() > options.max_size - 1) order.resize(options.max_size - 1);

  Vocabulary vocab;
  vocab.tokens_.reserve(order.size() + 1);
  vocab.counts_.reserve(order.size() + 1);
  std::uint64_t kept = 0;
  for (std::uint32_t i : order) {
    vocab.tokens_.push_back(counter.tokens_[i]);
    vocab.counts_.push_back(counter.counts_[i]);
    kept += counter.counts_[i];
  }
  vocab.counts_[kUnkId] = counter.total_ - kept;
  vocab.rebuild_index();
  return vocab;
}

Vocabulary Vocabulary::build(const TokenSequence& tokens, const VocabularyOptions& options) {
  VocabularyCounter counter;
  counter.add_all(tokens);
  return build(counter, options);
}

void Vocabulary::rebuild_index() {
  index_.clear();
  index_.reserve(tokens_.size());
  for (std::size_t i = 0; i < tokens_.size(); ++i) index_.emplace(tokens_[i], static_cast<std::int32_t>(i));
}

std::int32_t Vocabulary::id_of(std::string_view token) const {
  auto it = index_.find(token);
  return it == index_.end() ? kUnkId : it->second;
}

const std::string& Vocabulary::token(std::int32_t id) const {
  if (id < 0 || static_cast<std::size_t>(id) >= tokens_.size()) {
    throw std::out_of_range("token id " + std::to_string(id) + " is outside the vocabulary (size " +
                            std::to_string(tokens_.size()) + ")");
  }
  return tokens_[static_cast<std::size_t>(id)];
}

std::uint64_t Vocabulary::count(std::int32_t id) const {
  token(id);  // range check
  return counts_[static_cast<std::size_t>(id)];
}

std::vector<std::int32_t> Vocabulary::encode(const TokenSequence& tokens) const {
  std::vector<std::int32_t> ids(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) ids[i] = id_of(tokens.text(i));
  return ids;
}

}  // namespace embplay
