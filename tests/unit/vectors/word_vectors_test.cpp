// Tests for word_vectors.h: lookup and the checks on words and shapes.
#include <catch2/catch.hpp>

#include "vectors/word_vectors.h"

using namespace embplay;

TEST_CASE("word vectors look words up by row", "[word-vectors]") {
  RowMatrix m(3, 2);
  m << 1, 2, 3, 4, 5, 6;
  WordVectors v({"x", "y", "z"}, m);
  CHECK(v.size() == 3);
  CHECK(v.dim() == 2);
  CHECK(v.index_of("y") == 1);
  CHECK(v.index_of("w") == -1);
  const WordVectors copy = v;  // the index must point into the copy's own strings
  v = WordVectors({"p"}, RowMatrix::Ones(1, 2));
  CHECK(copy.index_of("z") == 2);
  CHECK(v.index_of("p") == 0);
}

TEST_CASE("word vectors reject inconsistent input", "[word-vectors]") {
  CHECK_THROWS_WITH(WordVectors({}, RowMatrix(0, 2)), "word vectors need at least one word");
  CHECK_THROWS_WITH(WordVectors({"a"}, RowMatrix(1, 0)), "word vectors need at least one dimension");
  CHECK_THROWS_WITH(WordVectors({"a", "b"}, RowMatrix(1, 2)), "word vectors: 2 words but 1 rows");
  CHECK_THROWS_WITH(WordVectors({"a b"}, RowMatrix(1, 2)), "word vectors: the word 'a b' is empty or contains whitespace");
  CHECK_THROWS_WITH(WordVectors({""}, RowMatrix(1, 2)), "word vectors: the word '' is empty or contains whitespace");
  CHECK_THROWS_WITH(WordVectors({"a\nb"}, RowMatrix(1, 2)), "word vectors: the word 'a\\nb' is empty or contains whitespace");
  CHECK_THROWS_WITH(WordVectors({"\x01", "\x01"}, RowMatrix(2, 2)), "word vectors: the word '\\u0001' appears twice (rows 0 and 1)");
}
