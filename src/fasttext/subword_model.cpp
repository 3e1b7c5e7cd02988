// See subword_model.h.
#include "fasttext/subword_model.h"

#include <stdexcept>

#include "fasttext/subword_vector.h"
#include "text/message_quote.h"

namespace embplay {

namespace {

// fastText's end-of-sentence token: in a dictionary it has no n-grams.
constexpr std::string_view kEos = "</s>";

void require(bool ok, const std::string& message) {
  if (!ok) throw std::invalid_argument(message);
}

}  // namespace

SubwordModel::SubwordModel(FastTextArgs args, std::vector<std::string> words, std::vector<std::int64_t> counts,
                           std::int64_t ntokens, RowMatrix input, RowMatrix output)
    : args_(args), words_(std::move(words)), counts_(std::move(counts)), ntokens_(ntokens), input_(std::move(input)),
      output_(std::move(output)) {
  require(!words_.empty(), "a subword model needs at least one word");
  require(counts_.size() == words_.size(), "a subword model needs one count per word");
  require(args_.dim >= 1 && input_.cols() == args_.dim && output_.cols() == args_.dim,
          "the matrices must have dim (" + std::to_string(args_.dim) + ") columns");
  if (has_ngrams()) validate(options());
  const long long buckets = has_ngrams() ? args_.bucket : 0;
  require(input_.rows() == static_cast<Eigen::Index>(words_.size()) + buckets,
          "the input matrix must have words + bucket = " + std::to_string(words_.size() + buckets) + " rows, got " +
              std::to_string(input_.rows()));
  require(output_.rows() == static_cast<Eigen::Index>(words_.size()),
          "the output matrix must have one row per word (" + std::to_string(words_.size()) + "), got " +
              std::to_string(output_.rows()));
  index_.reserve(words_.size());
  for (std::size_t i = 0; i < words_.size(); ++i) {
    require(!words_[i].empty(), "word " + std::to_string(i) + " is empty");
    require(index_.emplace(words_[i], static_cast<long>(i)).second, "the word " + quote_for_message(words_[i]) + " appears twice");
  }
}

SubwordOptions SubwordModel::options() const {
  SubwordOptions o;
  o.minn = args_.minn;
  o.maxn = args_.maxn;
  o.bucket = static_cast<std::uint32_t>(args_.bucket);
  return o;
}

long SubwordModel::index_of(std::string_view word) const {
  const auto it = index_.find(std::string(word));
  return it == index_.end() ? -1 : it->second;
}

std::vector<std::int32_t> SubwordModel::rows_of(std::string_view word) const {
  std::vector<std::int32_t> rows;
  const long id = index_of(word);
  if (id >= 0) rows.push_back(static_cast<std::int32_t>(id));
  if (has_ngrams() && word != kEos) {
    append_subword_rows(word, options(), static_cast<std::int64_t>(words_.size()), rows);
  }
  return rows;
}

std::vector<float> SubwordModel::vector(std::string_view word) const {
  const std::vector<std::int32_t> rows = rows_of(word);
  std::vector<float> out(dim());
  mean_of_rows(input_, rows.data(), rows.size(), out.data());
  return out;
}

std::vector<SubwordModel::Ngram> SubwordModel::pieces(std::string_view word) const {
  std::vector<Ngram> out;
  const std::vector<std::int32_t> rows = rows_of(word);
  std::size_t r = 0;
  if (index_of(word) >= 0) out.push_back({std::string(word), rows[r++], true});
  if (has_ngrams() && word != kEos) {
    for (auto& g : subword_ngrams(word, options())) out.push_back({std::move(g), rows[r++], false});
  }
  return out;
}

WordVectors SubwordModel::word_vectors() const {
  RowMatrix m(static_cast<Eigen::Index>(words_.size()), input_.cols());
  for (std::size_t i = 0; i < words_.size(); ++i) {
    const std::vector<std::int32_t> rows = rows_of(words_[i]);
    mean_of_rows(input_, rows.data(), rows.size(), m.row(static_cast<Eigen::Index>(i)).data());
  }
  return WordVectors(words_, std::move(m));
}

}  // namespace embplay
