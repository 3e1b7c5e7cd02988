// The workspace: X = s E + P from its parts, the same numbers as self_attention on X with
// identity projections, the caches, and shuffling by `order`.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "math/random.h"
#include "test_helpers.h"
#include "transformer/attention.h"
#include "transformer/attention_workspace.h"
#include "transformer/learned_position_table.h"
#include "transformer/model_input.h"
#include "transformer/sinusoidal_encoding.h"

using namespace embplay;
using embplay::test::approx;

namespace {

AttentionConfig config(std::size_t n, std::size_t d, std::size_t heads, AttentionProjection proj) {
  return checked_attention_config(static_cast<double>(n), static_cast<double>(d), static_cast<double>(heads), proj, true,
                                  false, 5);
}

RowMatrix token_rows(std::size_t n, std::size_t d, std::uint64_t seed) {
  RowMatrix e(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
  Rng rng(seed);
  for (Eigen::Index i = 0; i < e.size(); ++i) e.data()[i] = rng.uniform(-0.25f, 0.25f);
  return e;
}

AttentionInputSpec sinusoidal(float scale) {
  AttentionInputSpec spec;
  spec.token_scale = scale;
  spec.positions = AttentionPositions::Sinusoidal;
  return spec;
}

}  // namespace

TEST_CASE("workspace with identity projections = self_attention of X = s E + P, bit for bit", "[attention][workspace]") {
  const std::size_t n = 11, d = 16;
  const RowMatrix e = token_rows(n, d, 1);
  SinusoidalSpec pe;
  pe.d_model = d;
  const RowMatrix x = model_input(e, sinusoidal_encoding(pe, n), 4.0f);
  const AttentionConfig c = config(n, d, 2, AttentionProjection::Identity);
  AttentionWorkspace ws;
  ws.compute(c, sinusoidal(4.0f), e.data());
  const AttentionResult direct = self_attention(x, c);
  CHECK(ws.result().scores == direct.scores);
  CHECK(ws.result().weights == direct.weights);
}

TEST_CASE("workspace with random projections: s (E W) + P W equals (s E + P) W to rounding", "[attention][workspace]") {
  const std::size_t n = 9, d = 12;
  const RowMatrix e = token_rows(n, d, 2);
  AttentionInputSpec learned;
  learned.token_scale = 2.0f;
  learned.positions = AttentionPositions::Learned;
  learned.position_seed = 3;
  learned.learned_stddev = 0.2;
  const RowMatrix x = model_input(e, learned_position_table(n, d, 3, 0.2), 2.0f);
  const AttentionConfig c = config(n, d, 3, AttentionProjection::Random);
  AttentionWorkspace ws;
  ws.compute(c, learned, e.data(), {}, true);
  const AttentionResult direct = self_attention(x, c, true);
  for (std::size_t i = 0; i < direct.scores.size(); ++i) CHECK(ws.result().scores[i] == approx(direct.scores[i], 1e-5));
  for (std::size_t i = 0; i < direct.weights.size(); ++i) CHECK(ws.result().weights[i] == approx(direct.weights[i]));
  for (std::size_t i = 0; i < direct.output.size(); ++i) CHECK(ws.result().output[i] == approx(direct.output[i]));
}

TEST_CASE("workspace caches: what each change recomputes", "[attention][workspace]") {
  const std::size_t n = 8, d = 16;
  const RowMatrix e = token_rows(n, d, 4);
  AttentionConfig c = config(n, d, 2, AttentionProjection::Random);
  AttentionWorkspace ws;
  ws.compute(c, sinusoidal(4.0f), e.data());
  CHECK(ws.last_work().drew_weights);
  CHECK(ws.last_work().projected_tokens);
  CHECK(ws.last_work().projected_positions);
  const std::vector<float> first = ws.result().weights;

  c.heads = 4;  // heads are column slices: nothing is redrawn or reprojected
  ws.compute(c, sinusoidal(4.0f), e.data());
  CHECK_FALSE(ws.last_work().drew_weights);
  CHECK_FALSE(ws.last_work().projected_tokens);
  CHECK_FALSE(ws.last_work().projected_positions);

  c.heads = 2;
  ws.compute(c, AttentionInputSpec{4.0f}, e.data());  // positions off
  CHECK_FALSE(ws.last_work().projected_tokens);
  ws.compute(c, sinusoidal(1.0f), e.data());  // back on, another token scale: both parts cached
  CHECK_FALSE(ws.last_work().projected_tokens);
  CHECK_FALSE(ws.last_work().projected_positions);
  ws.compute(c, sinusoidal(4.0f), e.data());
  CHECK(ws.result().weights == first);  // the cached parts give the same bits as the first time

  RowMatrix other = e;
  other(3, 3) += 0.5f;  // new text
  ws.compute(c, sinusoidal(4.0f), other.data());
  CHECK(ws.last_work().projected_tokens);
  CHECK_FALSE(ws.last_work().projected_positions);
  CHECK(ws.result().weights != first);

  c.seed = 6;  // new weights: everything again
  ws.compute(c, sinusoidal(4.0f), other.data());
  CHECK(ws.last_work().drew_weights);
  CHECK(ws.last_work().projected_tokens);
  CHECK(ws.last_work().projected_positions);
}

TEST_CASE("workspace `order` = computing the shuffled rows from scratch, bit for bit", "[attention][workspace]") {
  const std::size_t n = 7, d = 8;
  const RowMatrix e = token_rows(n, d, 9);
  const std::vector<std::uint32_t> order = {6, 0, 5, 1, 4, 2, 3};
  RowMatrix shuffled(e.rows(), e.cols());
  for (std::size_t t = 0; t < n; ++t) shuffled.row(static_cast<Eigen::Index>(t)) = e.row(order[t]);
  for (const auto proj : {AttentionProjection::Identity, AttentionProjection::Random}) {
    const AttentionConfig c = config(n, d, 2, proj);
    AttentionWorkspace cached, fresh;
    cached.compute(c, sinusoidal(2.0f), e.data());
    cached.compute(c, sinusoidal(2.0f), e.data(), order);
    CHECK_FALSE(cached.last_work().projected_tokens);
    fresh.compute(c, sinusoidal(2.0f), shuffled.data());
    CHECK(cached.result().weights == fresh.result().weights);
    CHECK(cached.result().scores == fresh.result().scores);
  }
}

TEST_CASE("workspace rejects bad input before computing", "[attention][workspace]") {
  const RowMatrix e = token_rows(4, 8, 1);
  const AttentionConfig c = config(4, 8, 1, AttentionProjection::Identity);
  AttentionWorkspace ws;
  CHECK_THROWS_WITH(ws.compute(c, AttentionInputSpec{}, e.data(), {0, 1, 1, 2}),
                    "the token order is not a permutation of 0..3");
  CHECK_THROWS_WITH(ws.compute(c, AttentionInputSpec{}, e.data(), {0, 1}), "the token order has 2 entries for 4 tokens");
  AttentionInputSpec bad;
  bad.token_scale = -1.0f;
  CHECK_THROWS_WITH(ws.compute(c, bad, e.data()), "token scale must be a number between 0 and 10000, got -1");
  AttentionConfig wrong = c;
  wrong.heads = 3;
  CHECK_THROWS_WITH(ws.compute(wrong, AttentionInputSpec{}, e.data()),
                    "heads (3) must divide d_model (8): each head takes d_model / heads columns");
}
