// Tests for vector_search.h: neighbours and 3CosAdd analogies on hand-made vectors whose
// answers are known.
#include <catch2/catch.hpp>

#include "test_helpers.h"
#include "vector_search.h"

using namespace embplay;

namespace {
// man, woman, king, queen, apple: gender is axis 1, royalty axis 2.
RowMatrix words() {
  RowMatrix m(5, 3);
  m << 1, 0, 0,  //
      1, 1, 0,   //
      1, 0, 1,   //
      1, 1, 1,   //
      -1, 0, 0.2f;
  return m;
}
}  // namespace

TEST_CASE("vector search finds nearest rows by cosine", "[vector-search]") {
  const VectorSearch s(words());
  const auto n = s.neighbors(0, 2);  // man
  REQUIRE(n.size() == 2);
  // woman and king tie at cos 1/sqrt(2): lower row first.
  CHECK(n[0].id == 1);
  CHECK(n[1].id == 2);
  CHECK(n[0].score == test::approx(1 / std::sqrt(2.0)));
  CHECK(s.neighbors(4, 10).size() == 4);
  CHECK_THROWS_AS(s.neighbors(5, 1), std::out_of_range);
}

TEST_CASE("vector search answers man : king :: woman : queen", "[vector-search]") {
  const VectorSearch s(words());
  const auto a = s.analogy(0, 2, 1, 2);
  REQUIRE(a.size() == 2);
  CHECK(a[0].id == 3);
  CHECK(a[1].id != 0);  // the question's words are excluded
  CHECK(s.best_analogies({0, 1}, {2, 3}, {1, 0}) == std::vector<std::int32_t>{3, 2});  // and woman : queen :: man : king
}

TEST_CASE("vector search can restrict to the first rows", "[vector-search]") {
  const VectorSearch s(words(), 3);
  CHECK(s.rows() == 3);
  CHECK(s.analogy(0, 2, 1, 1)[0].id != 3);  // queen is outside
}
