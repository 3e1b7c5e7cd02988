// Tests for word2vec_format.h: golden text output, exact round trips in both formats,
// files shaped like gensim's and fastText's, and each kind of lying or broken file.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>

#include "math/random.h"
#include "vectors/word2vec_format.h"

using namespace embplay;

namespace {

WordVectors tiny() {
  RowMatrix m(2, 3);
  m << 1.0f, 0.5f, -2.0f,  //
      0.0f, 0.25f, 3.0f;
  return WordVectors({"a", "héllo"}, m);
}

WordVectors random_vectors(int n, int d, std::uint64_t seed) {
  Rng rng(seed);
  RowMatrix m(n, d);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(-1.0f, 1.0f) * 1e-3f * static_cast<float>(i % 7 + 1);
  std::vector<std::string> words;
  for (int i = 0; i < n; ++i) words.push_back("w" + std::to_string(i));
  return WordVectors(std::move(words), std::move(m));
}

bool same(const WordVectors& a, const WordVectors& b) {
  return a.words() == b.words() && a.vectors().rows() == b.vectors().rows() && a.vectors().cols() == b.vectors().cols() &&
         std::memcmp(a.vectors().data(), b.vectors().data(), sizeof(float) * static_cast<std::size_t>(a.vectors().size())) == 0;
}

std::string floats(std::initializer_list<float> values) {
  std::string out;
  for (float v : values) out.append(reinterpret_cast<const char*>(&v), 4);
  return out;
}

}  // namespace

TEST_CASE("word2vec text output is the header then one line per word", "[word2vec-format]") {
  CHECK(to_word2vec(tiny(), Word2VecFormat::Text) == "2 3\na 1 0.5 -2\nh\xc3\xa9llo 0 0.25 3\n");
}

TEST_CASE("word2vec binary output is word, space, little-endian floats, newline", "[word2vec-format]") {
  const std::string expected = "2 3\na " + floats({1.0f, 0.5f, -2.0f}) + "\nh\xc3\xa9llo " + floats({0.0f, 0.25f, 3.0f}) + "\n";
  CHECK(to_word2vec(tiny(), Word2VecFormat::Binary) == expected);
}

TEST_CASE("word2vec files round-trip exactly in both formats", "[word2vec-format]") {
  const WordVectors v = random_vectors(50, 17, 3);
  for (auto f : {Word2VecFormat::Text, Word2VecFormat::Binary}) {
    const std::string bytes = to_word2vec(v, f);
    CHECK(detect_word2vec_format(bytes) == f);
    CHECK(same(from_word2vec(bytes, f), v));
    CHECK(same(from_word2vec(bytes), v));  // auto
  }
}

TEST_CASE("word2vec reader accepts gensim's and fastText's variants", "[word2vec-format]") {
  // gensim's binary has no newline after each vector.
  const std::string gensim = "2 2\nx " + floats({1.0f, 2.0f}) + "y " + floats({3.0f, -4.0f});
  const WordVectors g = from_word2vec(gensim);
  CHECK(g.words() == std::vector<std::string>{"x", "y"});
  CHECK(g.vectors()(1, 1) == -4.0f);
  // fastText's .vec ends each line with a space; CRLF files happen too.
  const WordVectors t = from_word2vec("2 2 \r\n</s> 0.1 -0.2 \r\nthe 1e-3 5 \r\n");
  CHECK(t.words() == std::vector<std::string>{"</s>", "the"});
  CHECK(t.vectors()(0, 1) == -0.2f);
  CHECK(t.vectors()(1, 0) == 1e-3f);
}

TEST_CASE("word2vec reader rejects lying and broken files with the reason", "[word2vec-format]") {
  using Catch::Contains;
  CHECK_THROWS_WITH(from_word2vec(""), "word2vec file: no header line (expected \"COUNT DIM\")");
  CHECK_THROWS_WITH(from_word2vec("two 3\n"), "word2vec file: bad header: the word count is not a number");
  CHECK_THROWS_WITH(from_word2vec("2\n"), "word2vec file: bad header: expected \"COUNT DIM\"");
  CHECK_THROWS_WITH(from_word2vec("0 3\n"), "word2vec file: the header declares 0 words");
  CHECK_THROWS_WITH(from_word2vec("1 0\na\n"), "word2vec file: the dimension must be between 1 and 4096, got 0");
  // Header count too high: the text ends early.
  CHECK_THROWS_WITH(from_word2vec("3 2\na 1 2\nb 3 4\n\n\n\n\n\n\n", Word2VecFormat::Text),
                    "word2vec file: record 3 is an empty line");
  CHECK_THROWS_WITH(from_word2vec("3 2\na 1 2\nb 3 4\n"), "word2vec file: the header declares 3 words but the file ends after 2");
  CHECK_THROWS_WITH(from_word2vec("3 2\nx " + floats({1.0f, 2.0f}) + "\ny " + floats({3.0f, 4.0f}) + "\n" + std::string(9, ' ')),
                    "word2vec file: the header declares 3 words but the file ends after 2");
  CHECK_THROWS_WITH(from_word2vec("1000000000 300\na 1 2\n"), Contains("too short to hold them"));
  // Header count too low.
  CHECK_THROWS_WITH(from_word2vec("1 2\na 1 2\nb 3 4\n"), "word2vec file: the header declares 1 words but there are more records");
  // Short and long vectors, bad numbers.
  CHECK_THROWS_WITH(from_word2vec("2 3\na 1 2 3\nb 3 4\n", Word2VecFormat::Text), "word2vec file: record 2 ('b'): 2 values, expected 3");
  CHECK_THROWS_WITH(from_word2vec("2 3\na 1 2\nb 3 4 5\n"), "word2vec file: record 1 ('a'): 2 values, expected 3");  // auto: still text
  CHECK_THROWS_WITH(from_word2vec("2 2\na 1 2\nb 3 4 5\n", Word2VecFormat::Text), "word2vec file: record 2 ('b'): 3 values, expected 2");
  CHECK_THROWS_WITH(from_word2vec("1 2\na 1 x2\n", Word2VecFormat::Text), "word2vec file: record 1 ('a'): value 2 ('x2') is not a number");
  CHECK_THROWS_WITH(from_word2vec("1 2\na 1 nan\n"), "word2vec file: record 1 ('a'): value 2 is not a finite number");
  // Words.
  CHECK_THROWS_WITH(from_word2vec("2 1\na\xff 1\nb 2\n"), "word2vec file: record 1: the word is not valid UTF-8");
  CHECK_THROWS_WITH(from_word2vec("2 1\na 1\na 2\n"), "word vectors: the word 'a' appears twice (rows 0 and 1)");
  // Binary: truncated inside a vector, extra bytes, non-UTF-8 word, infinity.
  const std::string good = "2 2\nx " + floats({1.0f, 2.0f}) + "\ny " + floats({3.0f, 4.0f}) + "\n";
  CHECK_NOTHROW(from_word2vec(good, Word2VecFormat::Binary));
  CHECK_THROWS_WITH(from_word2vec(good.substr(0, good.size() - 3), Word2VecFormat::Binary),
                    "word2vec file: record 2 ('y'): the file ends inside its vector (truncated?)");
  CHECK_THROWS_WITH(from_word2vec(good + "z " + floats({5.0f, 6.0f}), Word2VecFormat::Binary),
                    Catch::StartsWith("word2vec file: the header declares 2 words but there are more bytes after the last record"));
  CHECK_THROWS_WITH(from_word2vec("2 1\n\xc3 " + floats({1.0f}) + "\ny " + floats({2.0f}) + "\n", Word2VecFormat::Binary),
                    "word2vec file: record 1: the word is not valid UTF-8");
  CHECK_THROWS_WITH(from_word2vec("2 1\nx " + floats({1.0f / 0.0f}) + "\ny " + floats({2.0f}) + "\n", Word2VecFormat::Binary),
                    "word2vec file: record 1 ('x'): value 1 is not a finite number");
  CHECK_THROWS_WITH(parse_word2vec_format("csv"), "unknown word2vec format 'csv' (expected auto, text or binary)");
}

TEST_CASE("GloVe text files (no header line) are read, strictly", "[word2vec-format]") {
  const std::string glove = "the 0.5 -1 2.5\nking 1e-3 0 -0.25\n\xed\x95\x9c 3 4 5\n\n";
  REQUIRE(detect_word2vec_format(glove) == Word2VecFormat::Text);
  const WordVectors v = from_word2vec(glove);
  REQUIRE(v.words() == std::vector<std::string>{"the", "king", "\xed\x95\x9c"});
  REQUIRE(v.dim() == 3);
  CHECK(v.vectors()(0, 2) == 2.5f);
  CHECK(v.vectors()(1, 0) == 1e-3f);
  CHECK(v.vectors()(2, 1) == 4.0f);
  // No newline at the end, and the same file with a word2vec header, give the same vectors.
  CHECK(same(from_word2vec("the 0.5 -1 2.5\nking 1e-3 0 -0.25\n\xed\x95\x9c 3 4 5"), v));
  CHECK(same(from_word2vec("3 3\n" + glove), v));
  // A short line, an empty line in the middle and a bad value are reported with the record.
  CHECK_THROWS_WITH(from_word2vec("the 0.5 -1 2.5\nking 1e-3 0\n"), "word2vec file: record 2 ('king'): 2 values, expected 3");
  CHECK_THROWS_WITH(from_word2vec("the 0.5 -1\n\nking 1 2\n"), "word2vec file: record 2 is an empty line");
  CHECK_THROWS_WITH(from_word2vec("the 0.5 -1\nking 1 x\n"), "word2vec file: record 2 ('king'): value 2 ('x') is not a number");
  // Two fields on the first line are a word2vec header, even if the file is not.
  CHECK_THROWS_WITH(from_word2vec("3 3\nthe 0.5\n"), Catch::Contains("too short to hold them"));
}
