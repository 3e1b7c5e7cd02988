// W_Q, W_K, W_V: nn.Linear's default range, a fixed draw order, and rows projected on their own.
#include <catch2/catch.hpp>
#include <cmath>

#include "math/random.h"
#include "test_helpers.h"
#include "transformer/attention_projection.h"
#include "transformer/embedding_table.h"

using namespace embplay;
using embplay::test::approx;

TEST_CASE("random projections are uniform in [-1/sqrt(d), 1/sqrt(d))", "[attention][projection]") {
  const std::size_t d = 64;
  const ProjectionWeights w = random_projection_weights(d, 9);
  const double bound = 1.0 / 8.0;
  CHECK(projection_init_bound(d) == 0.125f);
  for (const RowMatrix* m : {&w.query, &w.key, &w.value}) {
    REQUIRE(m->rows() == 64);
    REQUIRE(m->cols() == 64);
    CHECK(m->minCoeff() >= -bound);
    CHECK(m->maxCoeff() < bound);
    // 4096 draws of U(-b, b): mean 0 (sd b/sqrt(3)/64 = 0.0011), variance b^2/3 = 0.0052083.
    const double mean = m->cast<double>().mean();
    const double variance = (m->cast<double>().array() - mean).square().mean();
    CHECK(std::fabs(mean) < 0.006);
    CHECK(variance == approx(bound * bound / 3.0, 0.0005));
    // and the range is used: extremes near both ends
    CHECK(m->minCoeff() < -0.99 * bound);
    CHECK(m->maxCoeff() > 0.99 * bound);
  }
}

TEST_CASE("random projections: draw order W_Q, W_K, W_V row by row from seed XOR the salt", "[attention][projection]") {
  const std::size_t d = 5;
  const ProjectionWeights w = random_projection_weights(d, 42);
  Rng rng(42 ^ kProjectionSeedSalt);
  const float b = projection_init_bound(d);
  for (const RowMatrix* m : {&w.query, &w.key, &w.value}) {
    for (Eigen::Index i = 0; i < m->size(); ++i) REQUIRE(m->data()[i] == rng.uniform(-b, b));
  }
  SECTION("not the numbers of the embedding table of the same seed and bound") {
    const EmbeddingTable table(1, d, 42);
    CHECK(table.weights().row(0) != w.query.row(0));
  }
  SECTION("another seed, other weights; the same seed, the same weights") {
    CHECK(random_projection_weights(d, 43).query != w.query);
    CHECK(random_projection_weights(d, 42).value == w.value);
  }
}

TEST_CASE("project_rows: x W, each row on its own", "[attention][projection]") {
  RowMatrix w(3, 3);
  w << 1, 2, 3, 4, 5, 6, 7, 8, 9;
  const float x[6] = {1, 0, -1, 0.5f, 0.25f, 2};
  float out[6];
  project_rows(x, 2, w, out);
  // [1, 0, -1] W = [1-7, 2-8, 3-9]; [0.5, 0.25, 2] W = [0.5+1+14, 1+1.25+16, 1.5+1.5+18]
  const float expected[6] = {-6, -6, -6, 15.5f, 18.25f, 21};
  for (int i = 0; i < 6; ++i) CHECK(out[i] == expected[i]);
  float second_alone[3];
  project_rows(x + 3, 1, w, second_alone);
  for (int i = 0; i < 3; ++i) CHECK(second_alone[i] == out[3 + i]);
}

TEST_CASE("random projections: d_model checked", "[attention][projection]") {
  CHECK_THROWS_WITH(random_projection_weights(0, 1), "d_model must be an integer between 1 and 1024, got 0");
  CHECK_THROWS_WITH(random_projection_weights(2048, 1), "d_model must be an integer between 1 and 1024, got 2048");
}
