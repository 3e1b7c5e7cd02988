// See subword_ngrams.h.
#include "fasttext/subword_ngrams.h"

#include <stdexcept>

#include "fasttext/subword_hash.h"

namespace embplay {

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Calls f(ngram) for each n-gram of `wrapped` (fastText's computeSubwords loop).
template <class F>
void for_each_ngram(const std::string& wrapped, const SubwordOptions& o, F f) {
  const std::size_t size = wrapped.size();
  for (std::size_t i = 0; i < size; ++i) {
    if (continuation(wrapped[i])) continue;
    std::size_t j = i;
    for (int n = 1; j < size && n <= o.maxn; ++n) {
      ++j;
      while (j < size && continuation(wrapped[j])) ++j;
      if (n >= o.minn && !(n == 1 && (i == 0 || j == size))) f(std::string_view(wrapped).substr(i, j - i));
    }
  }
}

std::string wrap(std::string_view word) {
  std::string w;
  w.reserve(word.size() + 2);
  w += '<';
  w += word;
  w += '>';
  return w;
}

}  // namespace

void validate(const SubwordOptions& o) {
  if (o.maxn < 1 || o.maxn > kMaxNgramLength) {
    throw std::invalid_argument("maxn must be between 1 and " + std::to_string(kMaxNgramLength) + ", got " +
                                std::to_string(o.maxn));
  }
  if (o.minn < 1 || o.minn > o.maxn) {
    throw std::invalid_argument("minn must be between 1 and maxn (" + std::to_string(o.maxn) + "), got " +
                                std::to_string(o.minn));
  }
  if (o.bucket < 1 || o.bucket > kMaxBucket) {
    throw std::invalid_argument("bucket must be between 1 and " + std::to_string(kMaxBucket) + ", got " +
                                std::to_string(o.bucket));
  }
}

std::vector<std::string> subword_ngrams(std::string_view word, const SubwordOptions& options) {
  std::vector<std::string> out;
  for_each_ngram(wrap(word), options, [&](std::string_view g) { out.emplace_back(g); });
  return out;
}

void append_subword_rows(std::string_view word, const SubwordOptions& options, std::int64_t first_bucket_row,
                         std::vector<std::int32_t>& rows) {
  for_each_ngram(wrap(word), options, [&](std::string_view g) {
    rows.push_back(static_cast<std::int32_t>(first_bucket_row + subword_hash(g) % options.bucket));
  });
}

}  // namespace embplay
