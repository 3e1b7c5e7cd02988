// Tests for word_vector_evaluation.h: Spearman against hand-computed values, and the
// word-pair and analogy scores on tiny files whose answers are known.
#include <catch2/catch.hpp>

#include <cmath>

#include "test_helpers.h"
#include "vectors/word_vector_evaluation.h"

using namespace embplay;

TEST_CASE("spearman uses average ranks for ties", "[evaluation]") {
  // No ties: 1 - 6 * sum d^2 / (n (n^2 - 1)) = 1 - 6 * 2 / 60.
  CHECK(spearman({1, 2, 3, 4}, {10, 30, 20, 40}) == test::approx(0.8));
  // Ties: ranks (1, 2.5, 2.5, 4) vs (1, 2, 3, 4): 4.5 / sqrt(4.5 * 5).
  CHECK(spearman({1, 2, 2, 3}, {1, 2, 3, 4}) == test::approx(4.5 / std::sqrt(22.5)));
  CHECK(spearman({1, 2, 3}, {3, 2, 1}) == test::approx(-1.0));
  CHECK(std::isnan(spearman({1}, {1})));
  CHECK(std::isnan(spearman({1, 1, 1}, {1, 2, 3})));
}

namespace {
WordVectors vocab() {
  RowMatrix m(6, 3);
  m << 1, 0, 0,  // man
      1, 1, 0,   // woman
      1, 0, 1,   // king
      1, 1, 1,   // queen
      0, 0, 1,   // crown
      -1, 0, 0;  // apple
  return WordVectors({"man", "Woman", "king", "queen", "crown", "apple"}, m);
}
}  // namespace

TEST_CASE("word pairs: Spearman over known pairs, case-insensitive", "[evaluation]") {
  const std::string tsv =
      "# comment\n"
      "man\twoman\t8\n"     // cos 0.707
      "KING\tqueen\t9\n"    // cos 0.816
      "man\tapple\t1\n"     // cos -1
      "king\tunknown\t5\n"; // skipped
  const WordPairScore s = evaluate_word_pairs(vocab(), tsv);
  CHECK(s.pairs_total == 4);
  CHECK(s.pairs_used == 3);
  CHECK(s.spearman == test::approx(1.0));
  CHECK_THROWS_WITH(evaluate_word_pairs(vocab(), "a\tb\n"), "word pairs: line 1 is not 'word1<TAB>word2<TAB>score'");
}

TEST_CASE("analogies: 3CosAdd accuracy over answerable questions", "[evaluation]") {
  const std::string questions =
      ": royal\n"
      "man king woman queen\n"   // right
      "man woman king queen\n"   // right
      "king queen man apple\n"   // wrong: the answer is woman
      "man king pear queen\n";   // not answerable
  const AnalogyScore s = evaluate_analogies(vocab(), questions);
  CHECK(s.total == 4);
  CHECK(s.answered == 3);
  CHECK(s.correct == 2);
  CHECK(s.accuracy == test::approx(2.0 / 3.0));
  // Restricted to the first 3 words, only questions within man, woman, king remain: none.
  CHECK(evaluate_analogies(vocab(), questions, 3).answered == 0);
  CHECK_THROWS_WITH(evaluate_analogies(vocab(), "a b c\n"), "analogies: line 1 does not have four words");
}
