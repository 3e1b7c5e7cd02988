// Tests for word_space.h: questions by word give what VectorSearch gives by row, the space
// shares (does not copy) its vectors and keeps them alive, directions by word equal directions
// by row, unknown words are named.
#include <catch2/catch.hpp>

#include <memory>

#include "math/random.h"
#include "vectors/vector_search.h"
#include "vectors/word_direction.h"
#include "vectors/word_space.h"

using namespace embplay;

namespace {
std::shared_ptr<const WordVectors> seeded_vectors(int rows, int cols) {
  Rng rng(7);
  RowMatrix m(rows, cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) m(r, c) = rng.uniform(-1.0f, 1.0f);
  std::vector<std::string> words;
  for (int r = 0; r < rows; ++r) words.push_back("w" + std::to_string(r));
  return std::make_shared<const WordVectors>(std::move(words), std::move(m));
}

void check_same(const std::vector<Neighbor>& a, const std::vector<Neighbor>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].id == b[i].id);
    CHECK(a[i].score == b[i].score);
  }
}
}  // namespace

TEST_CASE("word space answers by word exactly as vector search does by row", "[word-space]") {
  const auto vectors = seeded_vectors(200, 12);
  const WordSpace space(vectors);
  const VectorSearch search(vectors->vectors());
  for (const char* word : {"w0", "w17", "w199"}) {
    const auto row = static_cast<std::int32_t>(vectors->index_of(word));
    check_same(space.neighbors(word, 10), search.neighbors(row, 10));
    check_same(space.neighbors(word, 10, Metric::Euclidean), search.neighbors(row, 10, Metric::Euclidean));
  }
  check_same(space.analogy("w1", "w2", "w3", 5), search.analogy(1, 2, 3, 5));
  CHECK(space.row_of("w42") == 42);
}

TEST_CASE("word space shares its vectors and keeps them alive", "[word-space]") {
  auto vectors = seeded_vectors(20, 4);
  const WordVectors* address = vectors.get();
  const WordSpace space(vectors);
  vectors.reset();
  CHECK(&space.vectors() == address);
  CHECK(space.neighbors("w3", 3).size() == 3);
}

TEST_CASE("word space projects every word on the direction of word pairs", "[word-space]") {
  const auto vectors = seeded_vectors(50, 6);
  const WordSpace space(vectors);
  const Eigen::VectorXf by_word = space.direction({{"w1", "w2"}, {"w3", "w4"}});
  const Eigen::VectorXf by_row = project_on_direction(vectors->vectors(), pair_direction(vectors->vectors(), {{1, 2}, {3, 4}}));
  REQUIRE(by_word.size() == 50);
  CHECK(by_word == by_row);
  CHECK_THROWS_WITH(space.direction({{"w1", "unicorn"}}), "'unicorn' is not in the vocabulary");
  CHECK_THROWS_WITH(space.direction({}), "a direction needs at least one word pair");
}

TEST_CASE("word space names a word it does not know", "[word-space]") {
  const WordSpace space(seeded_vectors(5, 3));
  CHECK_THROWS_WITH(space.neighbors("unicorn", 3), "'unicorn' is not in the vocabulary");
  CHECK_THROWS_WITH(space.analogy("w0", "unicorn", "w1", 3), "'unicorn' is not in the vocabulary");
  CHECK_THROWS_WITH(WordSpace(nullptr), "WordSpace needs word vectors");
}
