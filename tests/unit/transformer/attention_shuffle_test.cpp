// The shuffle experiment read as its sentence: without positions, shuffling the words and
// putting the attention back in order changes nothing; with positions it does.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "transformer/attention_shuffle.h"
#include "transformer/attention_workspace.h"
#include "transformer/embedding_table.h"

using namespace embplay;

namespace {

// "the cat saw the dog and the bird": "the" three times.
const std::vector<std::int32_t> kIds = {0, 1, 2, 0, 3, 4, 0, 5};

struct Experiment {
  double weights_difference;
  double same_word_difference;  // the two first "the" rows of the original
};

Experiment shuffle_experiment(AttentionPositions positions, AttentionProjection proj, bool causal = false) {
  const std::size_t n = kIds.size(), d = 16;
  const RowMatrix e = EmbeddingTable(6, d, 1).lookup(kIds);
  const AttentionConfig c = checked_attention_config(static_cast<double>(n), d, 2, proj, true, causal, 3);
  AttentionInputSpec spec;
  spec.token_scale = 4.0f;
  spec.positions = positions;
  AttentionWorkspace ws;
  ws.compute(c, spec, e.data());
  const std::vector<float> original = ws.result().weights;
  const auto order = shuffled_order(n, 7);
  ws.compute(c, spec, e.data(), order);
  std::vector<float> restored(original.size());
  restore_order(ws.result().weights.data(), n, 2, order, restored.data());
  const RepeatedToken the = find_repeated_token(kIds);
  return {max_abs_difference(restored.data(), original.data(), original.size()),
          row_difference(original.data(), n, the.first, the.second)};
}

}  // namespace

TEST_CASE("shuffle experiment: without positions the restored attention is exactly the original", "[attention][shuffle]") {
  for (const auto proj : {AttentionProjection::Identity, AttentionProjection::Random}) {
    const Experiment x = shuffle_experiment(AttentionPositions::None, proj);
    CHECK(x.weights_difference == 0.0);
    CHECK(x.same_word_difference == 0.0);  // "the" at 0 and at 3: the same row of weights
  }
}

TEST_CASE("shuffle experiment: with positions the difference is not zero", "[attention][shuffle]") {
  for (const auto positions : {AttentionPositions::Sinusoidal, AttentionPositions::Learned}) {
    for (const auto proj : {AttentionProjection::Identity, AttentionProjection::Random}) {
      const Experiment x = shuffle_experiment(positions, proj);
      CHECK(x.weights_difference > 1e-4);
      CHECK(x.same_word_difference > 1e-4);  // "the" at 0 and at 3 now differ
    }
  }
}

TEST_CASE("shuffle experiment: a causal mask depends on positions too", "[attention][shuffle]") {
  CHECK(shuffle_experiment(AttentionPositions::None, AttentionProjection::Identity, true).weights_difference > 1e-4);
}

TEST_CASE("shuffled_order: a seeded permutation, never the identity", "[attention][shuffle]") {
  for (std::size_t n : {2u, 3u, 10u, 512u}) {
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
      auto order = shuffled_order(n, seed);
      REQUIRE(order == shuffled_order(n, seed));
      bool moved = false;
      for (std::size_t t = 0; t < n; ++t) moved = moved || order[t] != t;
      REQUIRE(moved);
      std::sort(order.begin(), order.end());
      for (std::size_t t = 0; t < n; ++t) REQUIRE(order[t] == t);
    }
  }
  CHECK(shuffled_order(1, 5) == std::vector<std::uint32_t>{0});
  CHECK(shuffled_order(8, 1) != shuffled_order(8, 2));
  CHECK_THROWS_WITH(shuffled_order(0, 1), "a shuffle takes between 1 and 512 tokens, got 0");
}

TEST_CASE("restore_order puts rows and columns back", "[attention][shuffle]") {
  // Original tokens a b c; shuffled sentence c a b (order = {2, 0, 1}). Shuffled matrix entry
  // [s][t] belongs at [order[s]][order[t]].
  const std::vector<std::uint32_t> order = {2, 0, 1};
  const float shuffled[9] = {22, 20, 21, 2, 0, 1, 12, 10, 11};  // value = 10 * row + column, original indices
  float out[9];
  restore_order(shuffled, 3, 1, order, out);
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) CHECK(out[i * 3 + j] == static_cast<float>(10 * i + j));
  }
}

TEST_CASE("max_abs_difference and repeated tokens", "[attention][shuffle]") {
  const float inf = std::numeric_limits<float>::infinity();
  const float a[4] = {1, -inf, 3, 0.5f};
  const float b[4] = {1, -inf, 2.5f, 0.5f};
  CHECK(max_abs_difference(a, b, 4) == 0.5);
  const float c[4] = {1, 0, 3, 0.5f};
  CHECK(std::isinf(max_abs_difference(a, c, 4)));
  const RepeatedToken r = find_repeated_token({4, 5, 6, 5, 4});
  CHECK(r.found);
  CHECK(r.first == 1);
  CHECK(r.second == 3);
  CHECK_FALSE(find_repeated_token({1, 2, 3}).found);
  CHECK(find_repeated_token({7, 8, 8, 7}).second == 2);  // the earliest second occurrence
  CHECK_THROWS_WITH(find_repeated_token(std::vector<std::int32_t>(513)),
                    "a sentence for attention has at most 512 tokens, got 513");
}

TEST_CASE("run_shuffle_experiment = the steps done one by one", "[attention][shuffle]") {
  const std::size_t n = kIds.size(), d = 16;
  const RowMatrix e = EmbeddingTable(6, d, 1).lookup(kIds);
  const AttentionConfig c = checked_attention_config(static_cast<double>(n), d, 4, AttentionProjection::Random, true, false, 3);
  const auto order = shuffled_order(n, 2);
  for (const auto positions : {AttentionPositions::None, AttentionPositions::Sinusoidal}) {
    AttentionInputSpec spec;
    spec.token_scale = 4.0f;
    spec.positions = positions;
    AttentionWorkspace ws, by_hand;
    ShuffleExperiment x;
    run_shuffle_experiment(ws, c, spec, e.data(), order, x);
    by_hand.compute(c, spec, e.data());
    CHECK(x.original.weights == by_hand.result().weights);
    by_hand.compute(c, spec, e.data(), order);
    CHECK(ws.result().scores == by_hand.result().scores);
    std::vector<float> restored(by_hand.result().weights.size());
    restore_order(by_hand.result().weights.data(), n, 4, order, restored.data());
    CHECK(x.restored.weights == restored);
    if (positions == AttentionPositions::None) {
      CHECK(x.max_weight_difference == 0.0);
      CHECK(x.max_score_difference == 0.0);
    } else {
      CHECK(x.max_weight_difference == max_abs_difference(restored.data(), x.original.weights.data(), restored.size()));
      CHECK(x.max_weight_difference > 1e-4);
    }
  }
}
