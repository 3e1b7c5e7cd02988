// Tests for training_tokens.h: the words each tokenizer mode gives a training corpus (golden
// sentences and vocabularies for one small text), newlines ending sentences, min_count, the
// whitespace rules (skipped whitespace tokens, "##" pieces, GPT-2's "Ġ" form) and bad options.
#include <catch2/catch.hpp>

#include <string>

#include "gpt2_test_ranks.h"
#include "test_helpers.h"
#include "training/training_tokens.h"

using namespace embplay;
using test::sentences;

namespace {

const std::string kText = "King, queen.\nThe king, the dogs\n";

// "word:count word:count ..." without [UNK], most frequent first.
std::string vocabulary(const TrainingCorpus& c) {
  std::string out;
  for (std::size_t id = 1; id < c.vocabulary().size(); ++id) {
    if (id > 1) out += ' ';
    out += std::string(c.vocabulary().token(static_cast<std::int32_t>(id))) + ':' +
           std::to_string(c.vocabulary().count(static_cast<std::int32_t>(id)));
  }
  return out;
}

TrainingCorpus corpus(TrainingSplit split, bool lowercase, std::uint64_t min_count = 1, const std::string& text = kText) {
  TrainingTokenOptions o;
  o.split = split;
  o.lowercase = lowercase;
  o.merges = 6;
  if (split == TrainingSplit::Gpt2) o.gpt2 = &test::real_gpt2();
  return make_training_corpus(text, o, min_count);
}

}  // namespace

TEST_CASE("whitespace splitting is word2vec's reading, as before", "[cbow][training-tokens]") {
  const auto c = corpus(TrainingSplit::Whitespace, false);
  CHECK(sentences(c) == "King, queen. | The king, the dogs");
}

TEST_CASE("word mode: punctuation apart, lowercased, newline ends a sentence", "[cbow][training-tokens]") {
  const auto c = corpus(TrainingSplit::Word, true);
  CHECK(sentences(c) == "king , queen . | the king , the dogs");
  CHECK(vocabulary(c) == "king:2 ,:2 the:2 queen:1 .:1 dogs:1");
  CHECK(sentences(corpus(TrainingSplit::Word, false)) == "King , queen . | The king , the dogs");
  CHECK(sentences(corpus(TrainingSplit::Word, true, 2)) == "king , | the king , the");
  CHECK(sentences(corpus(TrainingSplit::Word, false, 1, "It's a dog's life")) == "It's a dog's life");  // apostrophes inside words stay
}

TEST_CASE("char mode: one word per code point, spaces skipped", "[cbow][training-tokens]") {
  const auto c = corpus(TrainingSplit::Char, true);
  CHECK(sentences(c) == "k i n g , q u e e n . | t h e k i n g , t h e d o g s");
  CHECK(vocabulary(c) == "e:4 n:3 g:3 k:2 i:2 ,:2 t:2 h:2 q:1 u:1 .:1 d:1 o:1 s:1");
  const auto korean = corpus(TrainingSplit::Char, false, 1, "왕과 여왕\n왕");
  CHECK(sentences(korean) == "왕 과 여 왕 | 왕");
}

TEST_CASE("bpe mode: continuation pieces keep their ## mark", "[cbow][training-tokens]") {
  const auto c = corpus(TrainingSplit::Bpe, true);
  CHECK(sentences(c) == "king , q ##u ##e ##e ##n . | the king , the d ##o ##g ##s");
  CHECK(c.vocabulary().id_of("##e") > 0);
  CHECK(c.vocabulary().id_of("e") == Vocabulary::kUnkId);  // "e" never starts a word here
}

TEST_CASE("gpt2 mode: GPT-2's visible-byte form, whitespace tokens skipped", "[cbow][training-tokens][gpt2]") {
  const auto c = corpus(TrainingSplit::Gpt2, false);
  CHECK(sentences(c) == "King , Ġqueen . | The Ġking , Ġthe Ġdogs");
  const auto spaced = corpus(TrainingSplit::Gpt2, false, 1, "a   b\n\n\nc \t d\n");
  CHECK(sentences(spaced) == "a Ġb | c Ġd");
}

TEST_CASE("training tokens: bad options and bad text give one-line reasons", "[cbow][training-tokens]") {
  TrainingTokenOptions o;
  o.split = TrainingSplit::Gpt2;
  CHECK_THROWS_WITH(training_tokens("a", o), "GPT-2 tokens need GPT-2's vocabulary, which is not loaded");
  o.lowercase = true;
  CHECK_THROWS_WITH(training_tokens("a", o), "lowercasing does not apply to GPT-2 tokens (GPT-2 is case-sensitive)");
  o.split = TrainingSplit::Word;
  CHECK_THROWS_WITH(training_tokens("ok \xff\xfe no", o),
                    "the corpus is not valid UTF-8: 2 invalid byte sequence(s) (convert the file to UTF-8 first)");
  o.split = TrainingSplit::Whitespace;
  CHECK_THROWS_WITH(make_training_corpus("a", o, 1),
                    "lowercasing needs a tokenizer mode (word, char or bpe), not whitespace splitting");
  o.split = TrainingSplit::Bpe;
  o.merges = -1;
  CHECK_THROWS_WITH(training_tokens("a", o), "merges must be between 0 and 100000, got -1");
  o.merges = 10;
  CHECK_THROWS_WITH(make_training_corpus(" . ", o, 2), "min_count 2 removes every word (the most frequent, '.' appears 1 time)");
  CHECK_THROWS_WITH(make_training_corpus(" \n ", o, 1), "the corpus is empty: it has no words");
  CHECK(parse_training_split("gpt2") == TrainingSplit::Gpt2);
  CHECK(training_split_name(parse_training_split("whitespace")) == std::string("whitespace"));
  CHECK_THROWS_WITH(parse_training_split("words"), "unknown tokenizer 'words' (valid: whitespace, word, char, bpe, gpt2)");
}
