// A word's character n-grams as fastText takes them (Bojanowski et al. 2017, section 3.2;
// fastText's Dictionary::computeSubwords): the word is wrapped in '<' and '>', n counts
// UTF-8 code points (a continuation byte never starts or ends an n-gram), every n-gram of
// length minn..maxn is taken, except a lone '<' or '>' when minn is 1, and the whole
// wrapped word counts too when it is short enough. N-gram g lives in input row
// first_bucket_row + subword_hash(g) % bucket.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace embplay {

inline constexpr int kMaxNgramLength = 20;
// Rows of the bucket table at most (fastText's default is 2,000,000; a browser tab's
// default is smaller, see README).
inline constexpr std::uint64_t kMaxBucket = 100000000;

struct SubwordOptions {
  int minn = 3;
  int maxn = 6;
  std::uint32_t bucket = 2000000;
};

// Throws std::invalid_argument naming the bad field: minn 1..maxn, maxn 1..20, bucket
// 1..kMaxBucket.
void validate(const SubwordOptions& options);

// The n-grams of '<' + word + '>' in fastText's order (by start, then length).
std::vector<std::string> subword_ngrams(std::string_view word, const SubwordOptions& options);

// Appends the input rows of the n-grams of '<' + word + '>' to `rows`, in the same order.
void append_subword_rows(std::string_view word, const SubwordOptions& options, std::int64_t first_bucket_row,
                         std::vector<std::int32_t>& rows);

}  // namespace embplay
