// Tests for negative_sampler.h: the alias table reproduces unigram^0.75 and never draws
// [UNK] or unseen words.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "training/negative_sampler.h"
#include "test_helpers.h"

using namespace embplay;

TEST_CASE("sampler probabilities are count^0.75 normalised, without id 0", "[cbow][negative-sampler]") {
  const std::vector<std::uint64_t> counts = {50, 1000, 100, 10, 0, 1};
  const NegativeSampler s(counts);
  double total = 0;
  for (std::size_t id = 1; id < counts.size(); ++id) total += std::pow(static_cast<double>(counts[id]), 0.75);
  CHECK(s.probability(0) == 0.0);
  CHECK(s.probability(4) == 0.0);
  for (std::int32_t id : {1, 2, 3, 5}) {
    CHECK(s.probability(id) == test::approx(std::pow(static_cast<double>(counts[static_cast<std::size_t>(id)]), 0.75) / total, 1e-12));
  }
}

TEST_CASE("sampler draws follow the distribution", "[cbow][negative-sampler]") {
  const std::vector<std::uint64_t> counts = {7, 1000, 100, 10, 0, 1, 333};
  const NegativeSampler s(counts);
  Rng rng(5);
  const int n = 1000000;
  std::vector<int> seen(counts.size(), 0);
  for (int i = 0; i < n; ++i) ++seen[static_cast<std::size_t>(s.draw(rng))];
  CHECK(seen[0] == 0);
  CHECK(seen[4] == 0);
  for (std::int32_t id : {1, 2, 3, 5, 6}) {
    const double p = s.probability(id);
    const double sigma = std::sqrt(n * p * (1 - p));
    INFO("id " << id << " expected " << n * p << " seen " << seen[static_cast<std::size_t>(id)]);
    CHECK(std::abs(seen[static_cast<std::size_t>(id)] - n * p) < 5 * sigma);
  }
}

TEST_CASE("sampler needs a word to draw", "[cbow][negative-sampler]") {
  CHECK_THROWS_WITH(NegativeSampler({5, 0, 0}), "negative sampling needs at least one word with a positive count");
  const NegativeSampler one({0, 3});
  Rng rng(1);
  for (int i = 0; i < 100; ++i) CHECK(one.draw(rng) == 1);
}
