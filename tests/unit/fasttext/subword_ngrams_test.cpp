// Tests for subword_ngrams.h. The expected pieces are what Debian's fastText 0.9.2 prints:
//   fasttext skipgram -input tiny.txt -output ft -minCount 1 -bucket 1000 -dim 8 -epoch 1
//   fasttext print-ngrams ft.bin WORD            (minn 3, maxn 6; WORD not in tiny.txt)
//   ... -minn 1 -maxn 2 ... ; fasttext print-ngrams ft16.bin WORD
// (tiny.txt as in fasttext_hash_probe.sh). For a word in the vocabulary print-ngrams also
// prints the word itself first; that line is the word's own row, not an n-gram.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "fasttext/subword_hash.h"
#include "fasttext/subword_ngrams.h"

using namespace embplay;

namespace {

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

SubwordOptions opts(int minn, int maxn, std::uint32_t bucket = 1000) {
  SubwordOptions o;
  o.minn = minn;
  o.maxn = maxn;
  o.bucket = bucket;
  return o;
}

}  // namespace

TEST_CASE("n-grams by code point as fasttext print-ngrams shows them", "[fasttext][ngrams]") {
  CHECK(joined(subword_ngrams("cat", opts(3, 6))) == "<ca <cat <cat> cat cat> at>");
  CHECK(joined(subword_ngrams("왕을", opts(3, 6))) == "<왕을 <왕을> 왕을>");
  CHECK(joined(subword_ngrams("😀a", opts(3, 6))) == "<😀a <😀a> 😀a>");
  CHECK(joined(subword_ngrams("ab", opts(3, 6))) == "<ab <ab> ab>");
  // minn 1 leaves out a lone '<' or '>'.
  CHECK(joined(subword_ngrams("ab", opts(1, 2))) == "<a a ab b b>");
  CHECK(joined(subword_ngrams("왕을", opts(1, 2))) == "<왕 왕 왕을 을 을>");
}

TEST_CASE("a long word's n-grams stop at maxn code points", "[fasttext][ngrams]") {
  CHECK(joined(subword_ngrams("임베딩은요", opts(5, 5))) == "<임베딩은 임베딩은요 베딩은요>");
}

TEST_CASE("n-gram rows are the first bucket row plus hash mod bucket", "[fasttext][ngrams]") {
  std::vector<std::int32_t> rows;
  append_subword_rows("cat", opts(3, 6, 1000), 13, rows);
  const auto grams = subword_ngrams("cat", opts(3, 6, 1000));
  REQUIRE(rows.size() == grams.size());
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(rows[i] == 13 + static_cast<std::int32_t>(subword_hash(grams[i]) % 1000));
}

TEST_CASE("subword options are checked with the bad value in the message", "[fasttext][ngrams]") {
  CHECK_THROWS_WITH(validate(opts(4, 3)), "minn must be between 1 and maxn (3), got 4");
  CHECK_THROWS_WITH(validate(opts(3, 21)), "maxn must be between 1 and 20, got 21");
  CHECK_THROWS_WITH(validate(opts(3, 6, 0)), "bucket must be between 1 and 100000000, got 0");
  CHECK_NOTHROW(validate(opts(3, 6, 2000000)));
}
