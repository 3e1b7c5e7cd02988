// Tests for cbow_trainer.h: determinism, chunking, falling loss, a planted-structure corpus
// whose neighbours are known by construction, threads, and the bad-input messages.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <string>

#include "training/cbow_trainer.h"
#include "math/random.h"
#include "test_helpers.h"
#include "vectors/vector_search.h"

using namespace embplay;

namespace {

constexpr int kGroups = 4;
constexpr int kGroupWords = 8;

std::string word_name(int group, int k) { return std::string(1, static_cast<char>('a' + group)) + std::to_string(k); }

// Lines of 12 words, each line drawn from one group: words of a group share contexts, so
// their vectors end up together, and the groups apart.
std::string planted_corpus(int lines, std::uint64_t seed) {
  Rng rng(seed);
  std::string text;
  for (int l = 0; l < lines; ++l) {
    const int g = static_cast<int>(rng.below(kGroups));
    for (int i = 0; i < 12; ++i) {
      if (i) text += ' ';
      text += word_name(g, static_cast<int>(rng.below(kGroupWords)));
    }
    text += '\n';
  }
  return text;
}

CbowConfig small_config() {
  CbowConfig c;
  c.size = 16;
  c.window = 4;
  c.negative = 5;
  c.sample = 0;
  c.min_count = 1;
  c.epochs = 5;
  c.alpha = 0.05;
  c.loss_window = 2000;
  return c;
}

bool same_bits(const RowMatrix& a, const RowMatrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(float) * static_cast<std::size_t>(a.size())) == 0;
}

RowMatrix train_all(const std::string& text, const CbowConfig& c, std::uint64_t chunk = 1u << 30) {
  CbowTrainer t(TrainingCorpus::from_text(text, c.min_count), c);
  while (!t.train(chunk).finished) {
  }
  return t.input_vectors();
}

// For each word, how many of its k nearest neighbours are in its own group.
int same_group_neighbours(const WordVectors& v, int k) {
  const VectorSearch search(v.vectors());
  int hits = 0;
  for (std::size_t r = 0; r < v.size(); ++r) {
    for (const auto& n : search.neighbors(static_cast<std::int32_t>(r), static_cast<std::size_t>(k))) {
      hits += v.word(static_cast<std::size_t>(n.id))[0] == v.word(r)[0];
    }
  }
  return hits;
}

}  // namespace

TEST_CASE("cbow training is bit-identical for a seed and differs across seeds", "[cbow][determinism]") {
  const std::string text = planted_corpus(300, 1);
  for (int batch : {1, 8}) {
    CbowConfig c = small_config();
    c.batch = batch;
    INFO("batch " << batch);
    const RowMatrix a = train_all(text, c);
    CHECK(same_bits(a, train_all(text, c)));
    // Chunk size does not matter: training is sentence by sentence in one random stream.
    CHECK(same_bits(a, train_all(text, c, 37)));
    c.seed = 2;
    CHECK_FALSE(same_bits(a, train_all(text, c)));
  }
}

TEST_CASE("cbow progress counts words, epochs and the decaying learning rate", "[cbow][progress]") {
  const std::string text = planted_corpus(100, 2);  // 1200 words
  CbowTrainer t(TrainingCorpus::from_text(text, 1), small_config());
  CbowProgress p = t.progress();
  CHECK(p.words_done == 0);
  CHECK(p.total_words == 6000);
  CHECK(p.epoch == 1);
  CHECK(std::isnan(p.loss));
  CHECK(p.learning_rate == test::approx(0.05, 1e-9));
  p = t.train(1);  // one whole sentence
  CHECK(p.words_done == 12);
  CHECK(p.learning_rate == test::approx(0.05 * (1 - 12.0 / 6001), 1e-7));
  p = t.train(1200);
  CHECK(p.words_done == 1212);
  CHECK(p.epoch == 2);
  CHECK_FALSE(p.finished);
  p = t.train(100000);
  CHECK(p.words_done == 6000);
  CHECK(p.epoch == 5);
  CHECK(p.finished);
  CHECK(p.learning_rate == test::approx(0.05 * (1 - 6000.0 / 6001), 1e-9));  // above the floor alpha * 1e-4
  CHECK(t.train(1000).words_done == 6000);  // nothing left
}

TEST_CASE("cbow loss starts at (1 + negative) log 2 and falls", "[cbow][loss]") {
  CbowConfig c = small_config();
  c.loss_window = 600;
  CbowTrainer t(TrainingCorpus::from_text(planted_corpus(1000, 3), 1), c);
  // Output vectors start at zero, so every score is 0 and every term is log(1/2).
  const double first = t.train(600).loss;
  CHECK(first == test::approx(6 * std::log(2.0), 0.15));
  double last = first;
  while (!t.finished()) last = t.train(5000).loss;
  CHECK(last < first - 1.0);
}

TEST_CASE("cbow puts words that share contexts together (planted groups)", "[cbow][planted]") {
  const std::string text = planted_corpus(1500, 4);  // 18000 words
  for (int batch : {1, 16}) {
    for (int threads : {1, 2}) {
      CbowConfig c = small_config();
      c.batch = batch;
      c.threads = threads;
      INFO("batch " << batch << ", threads " << threads);
      CbowTrainer t(TrainingCorpus::from_text(text, 1), c);
      while (!t.train(4000).finished) {
      }
      CHECK(t.progress().words_done == 5 * 18000);
      const WordVectors v = t.word_vectors();
      REQUIRE(v.size() == kGroups * kGroupWords);
      // Every one of each word's 3 nearest neighbours is in its group (chance: 7/31 each).
      CHECK(same_group_neighbours(v, 3) == kGroups * kGroupWords * 3);
    }
  }
}

TEST_CASE("cbow exports vocabulary words without [UNK]", "[cbow]") {
  CbowTrainer t(TrainingCorpus::from_text("x y z x y x\nq x\n", 1), small_config());
  t.train(100);
  const WordVectors v = t.word_vectors();
  CHECK(v.words() == std::vector<std::string>{"x", "y", "z", "q"});
  CHECK(v.index_of("[UNK]") == -1);
  CHECK(v.vectors().row(0) == t.input_vectors().row(1));
  CHECK(v.vectors().row(3) == t.input_vectors().row(4));
}

TEST_CASE("cbow rejects corpora it cannot train on, and warns about a long window", "[cbow][bad-input]") {
  CbowConfig c = small_config();
  CHECK_THROWS_WITH(CbowTrainer(TrainingCorpus::from_text("same same same\nsame\n", 1), c),
                    "the vocabulary has only one word ('same') after min_count 1; CBOW needs at least two distinct words");
  CHECK_THROWS_WITH(CbowTrainer(TrainingCorpus::from_text("a\nb\na\nc\n", 1), c),
                    "no line has two or more vocabulary words, so no word has a context (put several words on each line, or lower min_count)");
  c.negative = 0;
  CHECK_THROWS_WITH(CbowTrainer(TrainingCorpus::from_text("a b\n", 1), c),
                    Catch::StartsWith("negative must be between 1 and 100, got 0"));
  c = small_config();
  c.window = 20;
  CbowTrainer t(TrainingCorpus::from_text("a b c\nb c d e\n", 1), c);
  REQUIRE(t.warnings().size() == 1);
  CHECK(t.warnings()[0] == "window 20 reaches across the longest line (4 words): every context is its whole line");
  c.window = 3;
  CHECK(CbowTrainer(TrainingCorpus::from_text("a b c\nb c d e\n", 1), c).warnings().empty());
}

TEST_CASE("cbow stops with a clear error when training diverges", "[cbow][bad-input]") {
  CbowConfig c = small_config();
  c.alpha = 1.0;  // valid, but far too large for these vectors
  c.size = 300;
  CbowTrainer t(TrainingCorpus::from_text(planted_corpus(2000, 5), 1), c);
  CHECK_THROWS_WITH(
      [&] {
        while (!t.train(1000).finished) {
        }
      }(),
      Catch::Matches("training diverged: the loss became NaN or infinite after [0-9]+ of 120000 words \\(alpha 1\\); try a smaller alpha"));
  // The trainer stays failed: no more training, no export of garbage.
  CHECK_THROWS_WITH(t.train(10), Catch::StartsWith("training diverged"));
  CHECK_THROWS_WITH(t.word_vectors(), Catch::StartsWith("training diverged"));
}
