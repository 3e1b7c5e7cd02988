// Tests for training_corpus.h: whitespace splitting, line boundaries, dropped rare words,
// long lines cut like word2vec's MAX_SENTENCE_LENGTH, and the bad-input messages; words
// already split (from_tokens): sentences from the newlines between their spans.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "test_helpers.h"
#include "training/training_corpus.h"

using namespace embplay;
using test::sentences;

TEST_CASE("corpus splits on ASCII whitespace and keeps lines apart", "[cbow][corpus]") {
  const auto c = TrainingCorpus::from_text("the cat\tsat\r\n\n  on the\vmat\fthe end\n", 1);
  CHECK(sentences(c) == "the cat sat | on the mat the end");
  CHECK(c.words() == 8);
  CHECK(c.raw_words() == 8);
  CHECK(c.longest_sentence() == 5);
  CHECK(c.vocabulary().token(1) == "the");  // most frequent first
  CHECK(c.vocabulary().count(1) == 3);
}

TEST_CASE("corpus drops words below min_count and empty lines", "[cbow][corpus]") {
  const auto c = TrainingCorpus::from_text("a b a c\nd e\na b a\n", 2);
  CHECK(sentences(c) == "a b a | a b a");
  CHECK(c.words() == 6);
  CHECK(c.raw_words() == 9);
  CHECK(c.vocabulary().size() == 3);  // [UNK], a, b
  CHECK(c.vocabulary().count(0) == 3);
}

TEST_CASE("corpus cuts lines longer than 1000 vocabulary words", "[cbow][corpus]") {
  std::string text;
  for (int i = 0; i < 2500; ++i) text += (i % 2 ? "x " : "y ");
  const auto c = TrainingCorpus::from_text(text, 1);
  REQUIRE(c.sentence_count() == 3);
  CHECK(c.sentence_length(0) == 1000);
  CHECK(c.sentence_length(1) == 1000);
  CHECK(c.sentence_length(2) == 500);
  CHECK(c.longest_sentence() == 1000);
}

TEST_CASE("corpus bad input gives one-line reasons", "[cbow][corpus]") {
  CHECK_THROWS_WITH(TrainingCorpus::from_text("", 1), "the corpus is empty: it has no words");
  CHECK_THROWS_WITH(TrainingCorpus::from_text(" \n\t\n", 1), "the corpus is empty: it has no words");
  CHECK_THROWS_WITH(TrainingCorpus::from_text("a b a c b a", 5),
                    "min_count 5 removes every word (the most frequent, 'a' appears 3 times)");
  CHECK_THROWS_WITH(TrainingCorpus::from_text("ok fine\nbad \xff\xfe word", 1),
                    "the corpus is not valid UTF-8: the word at byte 12 contains invalid bytes (convert the file to UTF-8 first)");
  CHECK_THROWS_WITH(TrainingCorpus::from_text("a b", 0), "min_count must be at least 1, got 0");
}

namespace {
// Hand-made words with spans into `text` (as training_tokens.h makes them).
TokenSequence hand_words(const std::vector<std::tuple<std::string, std::uint32_t, std::uint32_t>>& words) {
  TokenSequence out;
  for (const auto& [w, start, end] : words) out.push(w, start, end);
  return out;
}
}  // namespace

TEST_CASE("corpus from tokens: newlines between spans end sentences; min_count applies", "[cbow][corpus]") {
  const std::string text = "King, queen.\n\nking queen!";
  //                        0123456789012 3 4567890123
  const auto words = hand_words({{"king", 0, 4}, {",", 4, 5}, {"queen", 6, 11}, {".", 11, 12},
                                 {"king", 14, 18}, {"queen", 19, 24}, {"!", 24, 25}});
  const auto c = TrainingCorpus::from_tokens(words, text, 1);
  CHECK(sentences(c) == "king , queen . | king queen !");
  CHECK(c.raw_words() == 7);
  const auto frequent = TrainingCorpus::from_tokens(words, text, 2);
  CHECK(sentences(frequent) == "king queen | king queen");
  CHECK(frequent.vocabulary().count(0) == 3);  // ",", ".", "!" dropped
}

TEST_CASE("corpus from tokens refuses words a word2vec file cannot hold", "[cbow][corpus]") {
  CHECK_THROWS_WITH(TrainingCorpus::from_tokens(hand_words({{"a", 0, 1}, {"b c", 2, 5}}), "a b c", 1),
                    "the token at byte 2 is empty or holds whitespace, which a word2vec file cannot store");
  CHECK_THROWS_WITH(TrainingCorpus::from_tokens(hand_words({{"", 0, 0}}), "a", 1),
                    "the token at byte 0 is empty or holds whitespace, which a word2vec file cannot store");
  CHECK_THROWS_WITH(TrainingCorpus::from_tokens(TokenSequence(), "  ", 1), "the corpus is empty: it has no words");
  CHECK_THROWS_WITH(TrainingCorpus::from_tokens(hand_words({{"a", 0, 1}}), "a", 0), "min_count must be at least 1, got 0");
}
