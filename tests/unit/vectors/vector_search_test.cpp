// Tests for vector_search.h: neighbours and 3CosAdd analogies on hand-made vectors whose
// answers are known; Euclidean neighbours against a brute-force loop on seeded random rows.
#include <catch2/catch.hpp>
#include <cmath>

#include "math/random.h"
#include "test_helpers.h"
#include "vectors/vector_search.h"

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

namespace {
// Seeded rows of different lengths (so cosine and Euclidean rank differently).
RowMatrix random_rows(std::uint64_t seed, Eigen::Index n, Eigen::Index dim) {
  Rng rng(seed);
  RowMatrix m(n, dim);
  for (Eigen::Index r = 0; r < n; ++r) {
    const float scale = rng.uniform(0.1f, 3.0f);
    for (Eigen::Index c = 0; c < dim; ++c) m(r, c) = scale * rng.uniform(-1.0f, 1.0f);
  }
  return m;
}

// Every row but `query`, by exact double-precision distance, nearest first, ties by lower row.
std::vector<Neighbor> brute_force_euclidean(const RowMatrix& m, Eigen::Index query) {
  std::vector<std::pair<double, std::int32_t>> all;
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    if (r == query) continue;
    all.push_back({(m.row(r).cast<double>() - m.row(query).cast<double>()).norm(), static_cast<std::int32_t>(r)});
  }
  std::sort(all.begin(), all.end());
  std::vector<Neighbor> out;
  for (const auto& [d, id] : all) out.push_back({id, static_cast<float>(d)});
  return out;
}
}  // namespace

TEST_CASE("Euclidean neighbours match a brute-force loop on seeded random rows", "[vector-search][euclidean]") {
  const RowMatrix m = random_rows(7, 300, 16);
  const VectorSearch s(m);
  for (Eigen::Index q : {0, 1, 57, 299}) {
    const auto expected = brute_force_euclidean(m, q);
    const auto found = s.neighbors(static_cast<std::int32_t>(q), 20, Metric::Euclidean);
    REQUIRE(found.size() == 20);
    for (std::size_t i = 0; i < found.size(); ++i) {
      CHECK(found[i].score == test::approx(expected[i].score, 1e-4));
      // Same row unless two rows are closer together than the float rounding of the expansion.
      if (std::abs(expected[i].score - (i + 1 < expected.size() ? expected[i + 1].score : 1e9f)) > 1e-4f &&
          (i == 0 || std::abs(expected[i].score - expected[i - 1].score) > 1e-4f)) {
        CHECK(found[i].id == expected[i].id);
      }
      if (i > 0) CHECK(found[i - 1].score <= found[i].score);
    }
  }
}

TEST_CASE("cosine and Euclidean disagree when lengths differ", "[vector-search][euclidean]") {
  // query (1, 0); long (10, 1) points almost the same way; short (1, 0.5) is close by.
  RowMatrix m(3, 2);
  m << 1, 0,  //
      10, 1,  //
      1, 0.5f;
  const VectorSearch s(m);
  const auto cosine = s.neighbors(0, 2, Metric::Cosine);
  const auto euclid = s.neighbors(0, 2, Metric::Euclidean);
  CHECK(cosine[0].id == 1);
  CHECK(cosine[0].score == test::approx(10 / std::sqrt(101.0)));
  CHECK(euclid[0].id == 2);
  CHECK(euclid[0].score == test::approx(0.5));
  CHECK(euclid[1].id == 1);
  CHECK(euclid[1].score == test::approx(std::sqrt(82.0), 1e-5));
  CHECK(s.neighbors(0, 2).front().id == cosine.front().id);  // cosine stays the default
}

TEST_CASE("Euclidean ties go to the lower row; the word itself and excluded rows are skipped", "[vector-search][euclidean]") {
  // (1, -1) and (1, 1) are both at distance 1 from (1, 0): the same arithmetic by symmetry.
  RowMatrix m(5, 2);
  m << 3, 3,   //
      1, -1,   //
      1, 0,    //
      1, 1,    //
      -1, 0;
  const VectorSearch s(m);
  const auto n = s.neighbors(2, 4, Metric::Euclidean);
  REQUIRE(n.size() == 4);
  CHECK(n[0].id == 1);
  CHECK(n[1].id == 3);
  CHECK(n[0].score == n[1].score);
  CHECK(n[0].score == test::approx(1));
  CHECK(n[2].id == 4);
  CHECK(n[2].score == test::approx(2));
  CHECK(n[3].id == 0);
  CHECK(n[3].score == test::approx(std::sqrt(13.0), 1e-5));
  for (const auto& x : s.neighbors(2, 10, Metric::Euclidean)) CHECK(x.id != 2);
  CHECK(s.neighbors(2, 10, Metric::Euclidean).size() == 4);
  const auto skipped = s.nearest(RowVector::Zero(2), 2, {4, 1}, Metric::Euclidean);
  REQUIRE(skipped.size() == 2);
  CHECK(skipped[0].id == 2);  // |(1, 0)| = 1 ...
  CHECK(skipped[1].id == 3);  // ... then |(1, 1)| = sqrt 2
  CHECK_THROWS_AS(s.neighbors(-1, 1, Metric::Euclidean), std::out_of_range);
}
