// Tests for embedding_table.h: seeded init, row lookup == one-hot product, bounds.
#include <catch2/catch.hpp>

#include "transformer/embedding_table.h"
#include "math/random.h"
#include "test_helpers.h"

using embplay::EmbeddingTable;
using embplay::RowMatrix;

TEST_CASE("initialisation is seeded, bounded and reproducible", "[embedding]") {
  EmbeddingTable a(50, 16, 42), b(50, 16, 42), c(50, 16, 43);
  CHECK(a.weights() == b.weights());
  CHECK(a.weights() != c.weights());
  const float bound = 1.0f / 4.0f;
  CHECK(a.weights().maxCoeff() < bound);
  CHECK(a.weights().minCoeff() >= -bound);
  // Mean near zero, spread over the whole range.
  CHECK(a.weights().mean() == embplay::test::approx(0.0, 0.02));
  CHECK(a.weights().maxCoeff() > 0.9f * bound);
}

TEST_CASE("the first values follow Rng exactly (same stream natively and in WASM)", "[embedding][random]") {
  EmbeddingTable t(2, 3, 7, 0.5f);
  embplay::Rng rng(7);
  for (int i = 0; i < 6; ++i) CHECK(t.weights().data()[i] == rng.uniform(-0.5f, 0.5f));
}

TEST_CASE("one_hot(id) * W_E equals row(id)", "[embedding]") {
  EmbeddingTable t(10, 8, 1);
  for (std::int32_t id : {0, 3, 9}) {
    embplay::RowVector product = t.one_hot(id) * t.weights();
    CHECK(product.isApprox(t.row(id), 0.0f));
    CHECK(t.one_hot(id).sum() == 1.0f);
  }
}

TEST_CASE("lookup returns one row per id, in order", "[embedding]") {
  EmbeddingTable t(5, 4, 3);
  RowMatrix rows = t.lookup({4, 0, 4});
  REQUIRE(rows.rows() == 3);
  CHECK(rows.row(0) == t.weights().row(4));
  CHECK(rows.row(1) == t.weights().row(0));
  CHECK(rows.row(2) == t.weights().row(4));
}

TEST_CASE("bad sizes and ids are rejected with messages", "[embedding]") {
  CHECK_THROWS_WITH(EmbeddingTable(0, 4, 1), "vocabulary size must be at least 1");
  CHECK_THROWS_WITH(EmbeddingTable(3, 0, 1), "d_model must be between 1 and 4096, got 0");
  CHECK_THROWS_WITH(EmbeddingTable(3, 100000, 1), "d_model must be between 1 and 4096, got 100000");
  EmbeddingTable t(3, 2, 1);
  CHECK_THROWS_WITH(t.row(3), "token id 3 is outside the embedding table (3 rows)");
  CHECK_THROWS_AS(t.lookup({0, -1}), std::out_of_range);
}
