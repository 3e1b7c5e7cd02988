// Tests for sentence_rows.h: the word tokens of a text, their ids (count order, [UNK] = 0) and
// their rows of the seeded embedding table, cut at the limit; bad d_model rejected first.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "transformer/sentence_rows.h"

using embplay::EmbeddingTable;
using embplay::word_sentence_rows;

TEST_CASE("word tokens, ids by count and their embedding rows", "[sentence_rows]") {
  // Counts: the 2, cat 1, saw 1, dog 1, "." 1 -> ids the 1, then first occurrences: cat 2, saw 3, dog 4, . 5.
  const auto s = word_sentence_rows("the cat saw the dog.", false, 8, 3, 512);
  CHECK(s.labels == std::vector<std::string>{"the", "cat", "saw", "the", "dog", "."});
  CHECK(s.ids == std::vector<std::int32_t>{1, 2, 3, 1, 4, 5});
  CHECK(s.total_tokens == 6);
  const EmbeddingTable table(6, 8, 3);  // 5 words + [UNK]
  REQUIRE(s.rows.rows() == 6);
  REQUIRE(s.rows.cols() == 8);
  for (int t = 0; t < 6; ++t) CHECK(s.rows.row(t) == table.row(s.ids[static_cast<std::size_t>(t)]));
  CHECK(s.rows.row(0) == s.rows.row(3));  // the same word, the same row
}

TEST_CASE("lowercase merges words before counting", "[sentence_rows]") {
  const auto s = word_sentence_rows("The cat saw the dog", true, 4, 1, 512);
  CHECK(s.labels[0] == "the");
  CHECK(s.ids[0] == s.ids[3]);
  const auto kept = word_sentence_rows("The cat saw the dog", false, 4, 1, 512);
  CHECK(kept.labels[0] == "The");
  CHECK(kept.ids[0] != kept.ids[3]);
}

TEST_CASE("the limit cuts the tokens, not the vocabulary", "[sentence_rows]") {
  const auto all = word_sentence_rows("a b c d e a", false, 4, 9, 512);
  const auto cut = word_sentence_rows("a b c d e a", false, 4, 9, 3);
  CHECK(cut.total_tokens == 6);
  CHECK(cut.ids == std::vector<std::int32_t>(all.ids.begin(), all.ids.begin() + 3));
  CHECK(cut.rows == all.rows.topRows(3));
  CHECK(cut.labels.size() == 3);
}

TEST_CASE("empty text gives no rows; bad d_model is rejected", "[sentence_rows]") {
  const auto s = word_sentence_rows("  \n ", false, 4, 1, 512);
  CHECK(s.total_tokens == 0);
  CHECK(s.ids.empty());
  CHECK(s.rows.rows() == 0);
  CHECK_THROWS_WITH(word_sentence_rows("a", false, 0, 1, 512), Catch::Contains("d_model must be between 1 and"));
  CHECK_THROWS_AS(word_sentence_rows("a", false, embplay::kMaxDModel + 1, 1, 512), std::invalid_argument);
}
