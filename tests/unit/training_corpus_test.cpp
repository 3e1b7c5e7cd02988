// Tests for training_corpus.h: whitespace splitting, line boundaries, dropped rare words,
// long lines cut like word2vec's MAX_SENTENCE_LENGTH, and the bad-input messages.
#include <catch2/catch.hpp>

#include <string>

#include "training_corpus.h"

using namespace embplay;

namespace {

// "w w w | w w" : each sentence's words, sentences separated by " | ".
std::string sentences(const TrainingCorpus& c) {
  std::string out;
  for (std::size_t s = 0; s < c.sentence_count(); ++s) {
    if (s) out += " | ";
    for (std::size_t i = 0; i < c.sentence_length(s); ++i) {
      if (i) out += ' ';
      out += c.vocabulary().token(c.ids()[c.sentence_start(s) + i]);
    }
  }
  return out;
}

}  // namespace

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
