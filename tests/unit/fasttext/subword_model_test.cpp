// Tests for subword_model.h: vectors of known and unseen words from their rows, the pieces
// of a word, fastText's </s>, and the checks on how the parts fit.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "fasttext/subword_hash.h"
#include "fasttext/subword_model.h"
#include "math/random.h"
#include "test_helpers.h"

using namespace embplay;

namespace {

FastTextArgs small_args() {
  FastTextArgs a;
  a.dim = 3;
  a.bucket = 11;
  a.minn = 2;
  a.maxn = 3;
  return a;
}

RowMatrix random_rows(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed) {
  Rng rng(seed);
  RowMatrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(-1.0f, 1.0f);
  return m;
}

SubwordModel small_model() {
  return SubwordModel(small_args(), {"ab", "</s>", "왕"}, {5, 3, 2}, 10, random_rows(3 + 11, 3, 1), random_rows(3, 3, 2));
}

}  // namespace

TEST_CASE("a known word's vector is the mean of its own row and its n-gram rows", "[fasttext][model]") {
  const SubwordModel m = small_model();
  // <ab>: <a <ab ab ab> b>  (minn 2, maxn 3)
  const auto rows = m.rows_of("ab");
  const std::vector<std::string> grams = {"<a", "<ab", "ab", "ab>", "b>"};
  REQUIRE(rows.size() == 1 + grams.size());
  CHECK(rows[0] == 0);
  for (std::size_t i = 0; i < grams.size(); ++i) CHECK(rows[i + 1] == 3 + static_cast<std::int32_t>(subword_hash(grams[i]) % 11));
  const auto v = m.vector("ab");
  for (int k = 0; k < 3; ++k) {
    double sum = 0;
    for (auto r : rows) sum += m.input()(r, k);
    CHECK(v[static_cast<std::size_t>(k)] == test::approx(sum / 6.0, 1e-6));
  }
  const auto pieces = m.pieces("ab");
  REQUIRE(pieces.size() == 6);
  CHECK(pieces[0].whole_word);
  CHECK(pieces[0].text == "ab");
  CHECK(pieces[2].text == "<ab");
  CHECK_FALSE(pieces[2].whole_word);
}

TEST_CASE("an unseen word's vector comes from its n-grams alone", "[fasttext][model]") {
  const SubwordModel m = small_model();
  CHECK(m.index_of("abc") == -1);
  const auto rows = m.rows_of("abc");
  CHECK(rows.size() == 7);  // <a <ab ab abc bc bc> c>
  for (auto r : rows) CHECK(r >= 3);
  const auto v = m.vector("abc");
  double sum = 0;
  for (auto r : rows) sum += m.input()(r, 0);
  CHECK(v[0] == test::approx(sum / 7.0, 1e-6));
}

TEST_CASE("fastText's </s> has only its own row, and maxn 0 means no n-grams", "[fasttext][model]") {
  const SubwordModel m = small_model();
  CHECK(m.rows_of("</s>") == std::vector<std::int32_t>{1});
  FastTextArgs a = small_args();
  a.minn = 0;
  a.maxn = 0;
  a.bucket = 0;
  const SubwordModel whole(a, {"ab", "cd"}, {2, 1}, 3, random_rows(2, 3, 3), random_rows(2, 3, 4));
  CHECK(whole.rows_of("ab") == std::vector<std::int32_t>{0});
  CHECK(whole.vector("zz") == std::vector<float>(3, 0.0f));  // unseen, no n-grams: zeros, as fastText
}

TEST_CASE("word_vectors holds every vocabulary word's vector", "[fasttext][model]") {
  const SubwordModel m = small_model();
  const WordVectors v = m.word_vectors();
  REQUIRE(v.size() == 3);
  const auto wang = m.vector("왕");
  for (int k = 0; k < 3; ++k) CHECK(v.vectors()(2, k) == wang[static_cast<std::size_t>(k)]);
}

TEST_CASE("a subword model refuses parts that do not fit", "[fasttext][model][bad-input]") {
  CHECK_THROWS_WITH(SubwordModel(small_args(), {"ab"}, {1}, 1, random_rows(5, 3, 1), random_rows(1, 3, 1)),
                    "the input matrix must have words + bucket = 12 rows, got 5");
  CHECK_THROWS_WITH(SubwordModel(small_args(), {"ab"}, {1}, 1, random_rows(12, 3, 1), random_rows(2, 3, 1)),
                    "the output matrix must have one row per word (1), got 2");
  CHECK_THROWS_WITH(SubwordModel(small_args(), {"ab", "ab"}, {1, 1}, 1, random_rows(13, 3, 1), random_rows(2, 3, 1)),
                    "the word 'ab' appears twice");
  FastTextArgs a = small_args();
  a.minn = 4;
  CHECK_THROWS_WITH(SubwordModel(a, {"ab"}, {1}, 1, random_rows(12, 3, 1), random_rows(1, 3, 1)),
                    "minn must be between 1 and maxn (3), got 4");
}
