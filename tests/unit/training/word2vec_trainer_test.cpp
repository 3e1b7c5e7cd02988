// Tests for word2vec_trainer.h: determinism, chunking, falling loss, a planted-structure corpus
// whose neighbours are known by construction, threads, and the bad-input messages.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <string>

#include "fasttext/subword_ngrams.h"
#include "training/word2vec_trainer.h"
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
// With `particles`, each word gets "xyz" and one of three Korean particles (drawn after the word).
std::string planted_corpus(int lines, std::uint64_t seed, bool particles = false) {
  const char* kParticles[] = {"은", "을", "이"};
  Rng rng(seed);
  std::string text;
  for (int l = 0; l < lines; ++l) {
    const int g = static_cast<int>(rng.below(kGroups));
    for (int i = 0; i < 12; ++i) {
      if (i) text += ' ';
      text += word_name(g, static_cast<int>(rng.below(kGroupWords)));
      if (particles) text += std::string("xyz") + kParticles[rng.below(3)];
    }
    text += '\n';
  }
  return text;
}

Word2vecConfig small_config() {
  Word2vecConfig c;
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

RowMatrix train_all(const std::string& text, const Word2vecConfig& c, std::uint64_t chunk = 1u << 30) {
  Word2vecTrainer t(TrainingCorpus::from_text(text, c.min_count), c);
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
    Word2vecConfig c = small_config();
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

TEST_CASE("input rows start uniform in [-1/d, 1/d) from the seed, output rows at zero", "[cbow][init]") {
  // gensim 4 and fastText start here; word2vec.c's half-width [-0.5/d, 0.5/d) cost about one
  // analogy point on GCIDE (README, "the cause is the initial range").
  for (bool subwords : {false, true}) {
    Word2vecConfig c = small_config();
    c.subwords = subwords;
    c.ngrams.bucket = 64;
    INFO("subwords " << subwords);
    const Word2vecTrainer t(TrainingCorpus::from_text(planted_corpus(50, 4), 1), c);
    const RowMatrix& in = t.input_vectors();
    Rng rng(c.seed);
    bool same = true;
    for (Eigen::Index i = 0; i < in.size(); ++i) same = same && in.data()[i] == (2.0f * rng.uniform01() - 1.0f) / 16.0f;
    CHECK(same);
    CHECK(in.maxCoeff() < 1.0f / 16);
    CHECK(in.minCoeff() >= -1.0f / 16);
    CHECK(in.cwiseAbs().maxCoeff() > 0.9f / 16);  // the whole range is used, not half of it
    CHECK(t.output_vectors().isZero(0.0f));
  }
}

TEST_CASE("cbow progress counts words, epochs and the decaying learning rate", "[cbow][progress]") {
  const std::string text = planted_corpus(100, 2);  // 1200 words
  Word2vecTrainer t(TrainingCorpus::from_text(text, 1), small_config());
  Word2vecProgress p = t.progress();
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
  Word2vecConfig c = small_config();
  c.loss_window = 600;
  Word2vecTrainer t(TrainingCorpus::from_text(planted_corpus(1000, 3), 1), c);
  // Output vectors start at zero, so every score is 0 and every term is log(1/2): 6 log 2 per
  // word. A noise word equal to the target is skipped (word2vec.c), which with 32 words drops
  // about 5/32 of a term per word, so the first line's mean lies a little below 6 log 2.
  const double first = t.train(1).loss;
  CHECK(first <= 6 * std::log(2.0) + 1e-5);
  CHECK(first >= 5.5 * std::log(2.0));
  double last = first;
  while (!t.finished()) last = t.train(5000).loss;
  CHECK(last < first - 1.0);
}

TEST_CASE("cbow puts words that share contexts together (planted groups)", "[cbow][planted]") {
  const std::string text = planted_corpus(1500, 4);  // 18000 words
  for (int batch : {1, 16}) {
    for (int threads : {1, 2}) {
      Word2vecConfig c = small_config();
      c.batch = batch;
      c.threads = threads;
      INFO("batch " << batch << ", threads " << threads);
      Word2vecTrainer t(TrainingCorpus::from_text(text, 1), c);
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
  Word2vecTrainer t(TrainingCorpus::from_text("x y z x y x\nq x\n", 1), small_config());
  t.train(100);
  const WordVectors v = t.word_vectors();
  CHECK(v.words() == std::vector<std::string>{"x", "y", "z", "q"});
  CHECK(v.index_of("[UNK]") == -1);
  CHECK(v.vectors().row(0) == t.input_vectors().row(1));
  CHECK(v.vectors().row(3) == t.input_vectors().row(4));
}

TEST_CASE("cbow rejects corpora it cannot train on, and warns about a long window", "[cbow][bad-input]") {
  Word2vecConfig c = small_config();
  CHECK_THROWS_WITH(Word2vecTrainer(TrainingCorpus::from_text("same same same\nsame\n", 1), c),
                    "the vocabulary has only one word ('same') after min_count 1; CBOW needs at least two distinct words");
  CHECK_THROWS_WITH(Word2vecTrainer(TrainingCorpus::from_text("a\nb\na\nc\n", 1), c),
                    "no line has two or more vocabulary words, so no word has a context (put several words on each line, or lower min_count)");
  c.negative = 0;
  CHECK_THROWS_WITH(Word2vecTrainer(TrainingCorpus::from_text("a b\n", 1), c),
                    Catch::StartsWith("negative must be between 1 and 100, got 0"));
  c = small_config();
  c.window = 20;
  Word2vecTrainer t(TrainingCorpus::from_text("a b c\nb c d e\n", 1), c);
  REQUIRE(t.warnings().size() == 1);
  CHECK(t.warnings()[0] == "window 20 reaches across the longest line (4 words): every context is its whole line");
  c.window = 3;
  CHECK(Word2vecTrainer(TrainingCorpus::from_text("a b c\nb c d e\n", 1), c).warnings().empty());
}

TEST_CASE("cbow stops with a clear error when training diverges", "[cbow][bad-input]") {
  Word2vecConfig c = small_config();
  c.alpha = 1.0;  // valid, but far too large for these vectors
  c.size = 300;
  Word2vecTrainer t(TrainingCorpus::from_text(planted_corpus(2000, 5), 1), c);
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

// ---- skip-gram and subwords (the rest of the family, same trainer) ----

namespace {

Word2vecConfig family_config(Architecture arch, bool subwords) {
  Word2vecConfig c = small_config();
  c.arch = arch;
  c.subwords = subwords;
  c.ngrams.bucket = 5000;
  return c;
}

// The planted corpus with a Korean particle glued to every word, as in normal writing:
// "a3xyz은 a5xyz을 ...": 3 particles, so each word has three forms.
std::string planted_with_particles(int lines, std::uint64_t seed) { return planted_corpus(lines, seed, true); }

}  // namespace

TEST_CASE("skip-gram and subword training are bit-identical for a seed, whatever the chunks", "[skipgram][subwords][determinism]") {
  const std::string text = planted_corpus(200, 1);
  for (Architecture arch : {Architecture::Cbow, Architecture::SkipGram}) {
    for (bool subwords : {false, true}) {
      if (arch == Architecture::Cbow && !subwords) continue;  // covered above
      INFO(architecture_name(arch) << (subwords ? " with subwords" : ""));
      Word2vecConfig c = family_config(arch, subwords);
      const RowMatrix a = train_all(text, c);
      CHECK(a.rows() == 33 + (subwords ? 5000 : 0));
      CHECK(same_bits(a, train_all(text, c, 29)));
      c.seed = 2;
      CHECK_FALSE(same_bits(a, train_all(text, c)));
    }
  }
}

TEST_CASE("subwords leave whole-word CBOW's results unchanged when off", "[subwords][determinism]") {
  const std::string text = planted_corpus(200, 1);
  Word2vecConfig c = small_config();
  Word2vecConfig other = c;
  other.ngrams.minn = 2;  // ignored without subwords
  other.ngrams.bucket = 7;
  CHECK(same_bits(train_all(text, c), train_all(text, other)));
}

TEST_CASE("skip-gram loss starts at (1 + negative) log 2 per pair and falls", "[skipgram][loss]") {
  Word2vecConfig c = family_config(Architecture::SkipGram, false);
  c.loss_window = 600;
  Word2vecTrainer t(TrainingCorpus::from_text(planted_corpus(1000, 3), 1), c);
  const double first = t.train(60).loss;
  CHECK(first == test::approx(6 * std::log(2.0), 0.15));
  double last = first;
  while (!t.finished()) last = t.train(5000).loss;
  CHECK(last < first - 1.0);
}

TEST_CASE("skip-gram and subword models put words that share contexts together (planted groups)", "[skipgram][subwords][planted]") {
  const std::string text = planted_corpus(1500, 4);
  for (Architecture arch : {Architecture::Cbow, Architecture::SkipGram}) {
    for (bool subwords : {false, true}) {
      INFO(architecture_name(arch) << (subwords ? " with subwords" : ""));
      Word2vecTrainer t(TrainingCorpus::from_text(text, 1), family_config(arch, subwords));
      while (!t.train(20000).finished) {
      }
      const WordVectors v = t.word_vectors();
      REQUIRE(v.size() == kGroups * kGroupWords);
      // At least 90% of the 3 nearest neighbours in the word's group (chance: 7/31).
      CHECK(same_group_neighbours(v, 3) >= kGroups * kGroupWords * 3 * 9 / 10);
    }
  }
}

TEST_CASE("with subwords a word's vector is the mean of its own row and its n-gram rows", "[subwords]") {
  Word2vecConfig c = family_config(Architecture::SkipGram, true);
  Word2vecTrainer t(TrainingCorpus::from_text(planted_with_particles(100, 5), 1), c);
  t.train(3000);
  const WordVectors v = t.word_vectors();
  const Vocabulary& vocab = t.corpus().vocabulary();
  for (std::int32_t id : {1, 7, 40}) {
    const std::string& word = vocab.token(id);
    std::vector<std::int32_t> rows{id};
    append_subword_rows(word, c.ngrams, static_cast<std::int64_t>(vocab.size()), rows);
    CHECK(rows.size() == 1 + subword_ngrams(word, c.ngrams).size());
    Eigen::RowVectorXd mean = Eigen::RowVectorXd::Zero(c.size);
    for (auto r : rows) mean += t.input_vectors().row(r).cast<double>();
    mean /= static_cast<double>(rows.size());
    const long i = v.index_of(word);
    REQUIRE(i >= 0);
    for (int k = 0; k < c.size; ++k) CHECK(v.vectors()(i, k) == test::approx(mean(k), 1e-6));
  }
}

TEST_CASE("a subword model answers for a form it never saw, from its n-grams", "[subwords][planted]") {
  // The corpus has a3xyz은, a3xyz을, a3xyz이 but never a3xyz가: whole-word training has no
  // row for it; the subword model builds one from <a3x, a3xy, ... and puts it in group a.
  const std::string text = planted_with_particles(1500, 6);
  for (Architecture arch : {Architecture::Cbow, Architecture::SkipGram}) {
    INFO(architecture_name(arch));
    Word2vecTrainer t(TrainingCorpus::from_text(text, 1), family_config(arch, true));
    while (!t.train(20000).finished) {
    }
    const SubwordModel model = t.subword_model();
    const WordVectors v = model.word_vectors();
    REQUIRE(model.index_of("a3xyz가") < 0);
    const std::vector<float> q = model.vector("a3xyz가");
    const VectorSearch search(v.vectors());
    const auto near = search.nearest(Eigen::Map<const RowVector>(q.data(), static_cast<Eigen::Index>(q.size())), 5, {});
    for (const auto& n : near) CHECK(v.word(static_cast<std::size_t>(n.id))[0] == 'a');
  }
}

TEST_CASE("the family's bad settings fail before allocating, with the size in the message", "[subwords][bad-input]") {
  const auto corpus = [] { return TrainingCorpus::from_text("a b c\nb c d e\n", 1); };
  Word2vecConfig c = family_config(Architecture::Cbow, true);
  c.size = 4096;
  c.ngrams.bucket = 100000000;
  CHECK_THROWS_WITH(Word2vecTrainer(corpus(), c), "bucket 100000000 + 6 words at size 4096 need 1562501 MiB for the input "
                                              "matrix, more than the 2048 MiB limit; lower bucket or size");
  c = family_config(Architecture::SkipGram, false);
  c.batch = 4;
  CHECK_THROWS_WITH(Word2vecTrainer(corpus(), c), "batch must be 1 for skip-gram and for subwords (batches are CBOW on whole "
                                              "words only), got 4");
  c = family_config(Architecture::Cbow, true);
  c.ngrams.minn = 7;
  CHECK_THROWS_WITH(Word2vecTrainer(corpus(), c), "minn must be between 1 and maxn (6), got 7");
  CHECK_THROWS_WITH(parse_architecture("sg"), "architecture must be cbow or skipgram, got 'sg'");
}

TEST_CASE("releasing the subword model moves the same weights out and ends the trainer", "[subwords]") {
  Word2vecTrainer t(TrainingCorpus::from_text(planted_with_particles(50, 7), 1), family_config(Architecture::Cbow, true));
  t.train(2000);
  const SubwordModel copy = t.subword_model();
  const SubwordModel moved = t.release_subword_model();
  CHECK(moved.words() == copy.words());
  CHECK(same_bits(moved.input(), copy.input()));
  CHECK(same_bits(moved.output(), copy.output()));
  CHECK(moved.input().rows() == static_cast<Eigen::Index>(copy.size()) + 5000);
  CHECK_THROWS_WITH(t.train(10), "the trainer's weights were released");
  CHECK_THROWS_WITH(t.subword_model(), "the subword model was already released");
}
