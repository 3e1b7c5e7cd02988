// See word_vectors.h.
#include "vectors/word_vectors.h"

#include <stdexcept>

#include "text/message_quote.h"

namespace embplay {

namespace {

bool has_whitespace(const std::string& w) {
  for (char c : w) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return true;
  }
  return false;
}

}  // namespace

WordVectors::WordVectors(std::vector<std::string> words, RowMatrix vectors)
    : words_(std::move(words)), vectors_(std::move(vectors)) {
  if (words_.empty()) throw std::invalid_argument("word vectors need at least one word");
  if (vectors_.cols() == 0) throw std::invalid_argument("word vectors need at least one dimension");
  if (static_cast<std::size_t>(vectors_.rows()) != words_.size()) {
    throw std::invalid_argument("word vectors: " + std::to_string(words_.size()) + " words but " +
                                std::to_string(vectors_.rows()) + " rows");
  }
  for (const auto& w : words_) {
    if (w.empty() || has_whitespace(w)) {
      throw std::invalid_argument("word vectors: the word " + quote_for_message(w) + " is empty or contains whitespace");
    }
  }
  build_index();
}

WordVectors::WordVectors(const WordVectors& other) : words_(other.words_), vectors_(other.vectors_) { build_index(); }

WordVectors& WordVectors::operator=(const WordVectors& other) {
  if (this != &other) {
    words_ = other.words_;
    vectors_ = other.vectors_;
    build_index();
  }
  return *this;
}

void WordVectors::build_index() {
  index_.clear();
  index_.reserve(words_.size());
  for (std::size_t i = 0; i < words_.size(); ++i) {
    if (!index_.emplace(words_[i], static_cast<long>(i)).second) {
      throw std::invalid_argument("word vectors: the word " + quote_for_message(words_[i]) + " appears twice (rows " +
                                  std::to_string(index_.at(words_[i])) + " and " + std::to_string(i) + ")");
    }
  }
}

long WordVectors::index_of(std::string_view word) const {
  auto it = index_.find(word);
  return it == index_.end() ? -1 : it->second;
}

}  // namespace embplay
