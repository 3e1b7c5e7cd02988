// Tests for word2vec_config.h: word2vec's CBOW defaults and one clear message per bad field.
#include <catch2/catch.hpp>

#include <limits>
#include <string>

#include "training/word2vec_config.h"

using namespace embplay;

TEST_CASE("cbow defaults are word2vec's CBOW settings and valid", "[cbow][config]") {
  const Word2vecConfig c;
  CHECK(c.size == 100);
  CHECK(c.window == 5);
  CHECK(c.negative == 5);
  CHECK(c.sample == 1e-4);
  CHECK(c.min_count == 5);
  CHECK(c.epochs == 5);
  CHECK(c.alpha == 0.05);
  CHECK(c.threads == 1);
  CHECK_NOTHROW(validate(c));
}

TEST_CASE("cbow config rejects each bad field with its own message", "[cbow][config]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  struct Case {
    void (*edit)(Word2vecConfig&, double);
    double value;
    std::string message;
  };
  const Case cases[] = {
      {[](Word2vecConfig& c, double v) { c.size = static_cast<int>(v); }, 0, "size must be between 1 and 4096, got 0"},
      {[](Word2vecConfig& c, double v) { c.size = static_cast<int>(v); }, 100000, "size must be between 1 and 4096, got 100000"},
      {[](Word2vecConfig& c, double v) { c.window = static_cast<int>(v); }, 0, "window must be between 1 and 100, got 0"},
      {[](Word2vecConfig& c, double v) { c.negative = static_cast<int>(v); }, 0,
       "negative must be between 1 and 100, got 0 (this trainer uses negative sampling only; word2vec's -negative 0 -hs 1 is not supported)"},
      {[](Word2vecConfig& c, double v) { c.epochs = static_cast<int>(v); }, 0, "epochs must be between 1 and 1000, got 0"},
      {[](Word2vecConfig& c, double v) { c.batch = static_cast<int>(v); }, 65, "batch must be between 1 and 64, got 65"},
      {[](Word2vecConfig& c, double v) { c.threads = static_cast<int>(v); }, 0, "threads must be between 1 and 256, got 0"},
      {[](Word2vecConfig& c, double v) { c.alpha = v; }, 0, "alpha must be a number in (0, 1], got 0"},
      {[](Word2vecConfig& c, double v) { c.alpha = v; }, -0.5, "alpha must be a number in (0, 1], got -0.5"},
      {[](Word2vecConfig& c, double v) { c.alpha = v; }, nan, "alpha must be a number in (0, 1], got nan"},
      {[](Word2vecConfig& c, double v) { c.alpha = v; }, 1e6, "alpha must be a number in (0, 1], got 1e+06"},
      {[](Word2vecConfig& c, double v) { c.sample = v; }, -1e-4, "sample must be a number in [0, 1] (0 keeps every word), got -0.0001"},
      {[](Word2vecConfig& c, double v) { c.sample = v; }, nan, "sample must be a number in [0, 1] (0 keeps every word), got nan"},
      {[](Word2vecConfig& c, double v) { c.min_count = static_cast<std::uint64_t>(v); }, 0, "min_count must be at least 1, got 0"},
  };
  for (const auto& k : cases) {
    Word2vecConfig c;
    k.edit(c, k.value);
    CHECK_THROWS_WITH(validate(c), k.message);
  }
}

TEST_CASE("architecture and subword settings: names, defaults and checks", "[cbow][skipgram][subwords][config]") {
  CHECK(parse_architecture("cbow") == Architecture::Cbow);
  CHECK(parse_architecture("skipgram") == Architecture::SkipGram);
  CHECK(std::string(architecture_name(Architecture::SkipGram)) == "skipgram");
  CHECK_THROWS_WITH(parse_architecture("CBOW"), "architecture must be cbow or skipgram, got 'CBOW'");
  Word2vecConfig c;
  CHECK(c.arch == Architecture::Cbow);
  CHECK_FALSE(c.subwords);
  CHECK(c.ngrams.minn == 3);
  CHECK(c.ngrams.maxn == 6);
  CHECK(c.ngrams.bucket == 2000000u);  // fastText's defaults
  c.ngrams.maxn = 30;
  CHECK_NOTHROW(validate(c));  // ignored without subwords
  c.subwords = true;
  CHECK_THROWS_WITH(validate(c), "maxn must be between 1 and 20, got 30");
  c.ngrams.maxn = 6;
  c.batch = 2;
  CHECK_THROWS_WITH(validate(c), "batch must be 1 for skip-gram and for subwords (batches are CBOW on whole words only), got 2");
}
