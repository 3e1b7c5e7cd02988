// Tests for word2vec_reader.h: reading in slices of 1, 7 or all rows gives exactly what
// from_word2vec gives, progress counts rows (bytes for header-less GloVe text), every broken
// file fails with from_word2vec's message whatever the slice size, and a spent reader says so.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "math/random.h"
#include "vectors/word2vec_format.h"
#include "vectors/word2vec_reader.h"

using namespace embplay;

namespace {

WordVectors random_vectors(int n, int d, std::uint64_t seed) {
  Rng rng(seed);
  RowMatrix m(n, d);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(-2.0f, 2.0f);
  std::vector<std::string> words;
  for (int i = 0; i < n; ++i) words.push_back(i % 5 == 0 ? "단어" + std::to_string(i) : "w" + std::to_string(i));
  return WordVectors(std::move(words), std::move(m));
}

bool same(const WordVectors& a, const WordVectors& b) {
  return a.words() == b.words() && a.vectors().rows() == b.vectors().rows() && a.vectors().cols() == b.vectors().cols() &&
         std::memcmp(a.vectors().data(), b.vectors().data(), sizeof(float) * static_cast<std::size_t>(a.vectors().size())) == 0;
}

// Reads `bytes` `slice` rows at a time, checking the progress reported on the way.
WordVectors read_in_slices(std::string_view bytes, std::size_t slice, Word2VecFormat format = Word2VecFormat::Auto) {
  Word2VecReader reader(bytes, format);
  const std::size_t expected = reader.layout().count;
  double fraction = 0;
  std::size_t calls = 0;
  for (;;) {
    const Word2VecProgress p = reader.read(slice);
    ++calls;
    REQUIRE(p.rows_expected == expected);
    REQUIRE(p.rows_read == std::min(expected, calls * slice));
    REQUIRE(p.fraction >= fraction);
    REQUIRE(p.fraction <= 1.0);
    fraction = p.fraction;
    if (p.done) break;
    REQUIRE(p.fraction < 1.0);
  }
  REQUIRE(fraction == 1.0);
  REQUIRE(calls == (expected + slice - 1) / slice);
  return reader.finish();
}

std::string floats(std::initializer_list<float> values) {
  std::string out;
  for (float v : values) out.append(reinterpret_cast<const char*>(&v), 4);
  return out;
}

// The message of the exception `f` throws ("" if none).
template <class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("word2vec reader: slices of 1, 7 and all rows give the one-shot vectors", "[word2vec-reader]") {
  const WordVectors v = random_vectors(50, 13, 9);
  const std::string text = to_word2vec(v, Word2VecFormat::Text);
  const std::string binary = to_word2vec(v, Word2VecFormat::Binary);
  const std::string glove = text.substr(text.find('\n') + 1);
  for (const std::string* bytes : {&text, &binary, &glove}) {
    const WordVectors once = from_word2vec(*bytes);
    REQUIRE(same(once, v));
    for (std::size_t slice : {1, 7, 50, 1000}) {
      INFO("slice " << slice << ", file of " << bytes->size() << " bytes");
      CHECK(same(read_in_slices(*bytes, slice), once));
    }
  }
  // gensim's binary (no newline after a vector) and an explicit format read alike.
  const std::string gensim = "3 2\nx " + floats({1.0f, 2.0f}) + "y " + floats({3.0f, -4.0f}) + "z " + floats({5.0f, 6.0f});
  CHECK(same(read_in_slices(gensim, 1, Word2VecFormat::Binary), from_word2vec(gensim)));
}

TEST_CASE("word2vec reader: layout and progress", "[word2vec-reader]") {
  const std::string text = "3 2\na 1 2\nb 3 4\nc 5 6\n";
  Word2VecReader reader(text);
  CHECK(reader.layout().format == Word2VecFormat::Text);
  CHECK(reader.layout().has_header);
  CHECK(reader.layout().count == 3);
  CHECK(reader.layout().dim == 2);
  CHECK(reader.progress().rows_read == 0);
  CHECK(reader.progress().fraction == 0.0);
  const Word2VecProgress p = reader.read(2);
  CHECK(p.rows_read == 2);
  CHECK(p.rows_expected == 3);
  CHECK(p.fraction == Approx(2.0 / 3.0));
  CHECK_FALSE(p.done);
  CHECK_THROWS_WITH(reader.finish(), "word2vec reader: finish() before the last record was read");
  CHECK(reader.read(0).rows_read == 3);  // at least one row per call
  CHECK(reader.read(5).done);
  CHECK(reader.finish().words() == std::vector<std::string>{"a", "b", "c"});
  CHECK_THROWS_WITH(reader.read(1), "word2vec reader: used after an error or after finish()");
}

TEST_CASE("word2vec reader: GloVe's header-less text reports bytes read as its fraction", "[word2vec-reader]") {
  const std::string glove = "the 0.5 -1 2.5\nking 1e-3 0 -0.25\nlonger-word-here 3 4 5\n\n";
  Word2VecReader reader(glove);
  CHECK_FALSE(reader.layout().has_header);
  CHECK(reader.layout().count == 3);
  CHECK(reader.layout().dim == 3);
  const double total = static_cast<double>(glove.size());
  CHECK(reader.read(1).fraction == Approx(15.0 / total));
  CHECK(reader.read(1).fraction == Approx(33.0 / total));
  const Word2VecProgress last = reader.read(1);
  CHECK(last.done);
  CHECK(last.fraction == 1.0);
  CHECK(last.rows_read == 3);
}

TEST_CASE("word2vec reader: each broken file fails with from_word2vec's message in any slice size", "[word2vec-reader]") {
  const std::string good = "2 2\nx " + floats({1.0f, 2.0f}) + "\ny " + floats({3.0f, 4.0f}) + "\n";
  struct Case { std::string bytes; Word2VecFormat format; std::string message; };
  const std::vector<Case> cases = {
      {"", Word2VecFormat::Auto, "word2vec file: no header line (expected \"COUNT DIM\")"},
      {"two 3\n", Word2VecFormat::Auto, "word2vec file: bad header: the word count is not a number"},
      {"0 3\n", Word2VecFormat::Auto, "word2vec file: the header declares 0 words"},
      {"3 2\na 1 2\nb 3 4\n\n\n\n\n\n\n", Word2VecFormat::Text, "word2vec file: record 3 is an empty line"},
      {"3 2\na 1 2\nb 3 4\n", Word2VecFormat::Auto, "word2vec file: the header declares 3 words but the file ends after 2"},
      {"1000000000 300\na 1 2\n", Word2VecFormat::Auto,
       "word2vec file: the header declares 1000000000 words of 300 values but the file is too short to hold them (truncated, or a wrong header)"},
      {"1 2\na 1 2\nb 3 4\n", Word2VecFormat::Auto, "word2vec file: the header declares 1 words but there are more records"},
      {"2 3\na 1 2 3\nb 3 4\n", Word2VecFormat::Text, "word2vec file: record 2 ('b'): 2 values, expected 3"},
      {"2 2\na 1 2\nb 3 4 5\n", Word2VecFormat::Text, "word2vec file: record 2 ('b'): 3 values, expected 2"},
      {"2 2\na 1 2\nb 3 x\n", Word2VecFormat::Text, "word2vec file: record 2 ('b'): value 2 ('x') is not a number"},
      {"2 2\na 1 2\nb x 4 5\n", Word2VecFormat::Text, "word2vec file: record 2 ('b'): 3 values, expected 2"},
      {"1 2\na 1 nan\n", Word2VecFormat::Auto, "word2vec file: record 1 ('a'): value 2 is not a finite number"},
      {"1 2\na 1e39 1\n", Word2VecFormat::Auto, "word2vec file: record 1 ('a'): value 1 is not a finite number"},
      {"2 1\na 1\nb\xff 2\n", Word2VecFormat::Text, "word2vec file: record 2: the word is not valid UTF-8"},
      {"2 1\na 1\na 2\n", Word2VecFormat::Auto, "word vectors: the word 'a' appears twice (rows 0 and 1)"},
      {good.substr(0, good.size() - 3), Word2VecFormat::Binary, "word2vec file: record 2 ('y'): the file ends inside its vector (truncated?)"},
      {good + "z " + floats({5.0f, 6.0f}), Word2VecFormat::Binary,
       "word2vec file: the header declares 2 words but there are more bytes after the last record (more records, or wrong vector sizes)"},
      {"2 1\nx " + floats({1.0f}) + "\n\xc3 " + floats({2.0f}) + "\n", Word2VecFormat::Binary, "word2vec file: record 2: the word is not valid UTF-8"},
      {"2 1\nx " + floats({1.0f}) + "\ny " + floats({-1.0f / 0.0f}) + "\n", Word2VecFormat::Binary,
       "word2vec file: record 2 ('y'): value 1 is not a finite number"},
      {"the 0.5 -1\nking 1 2 3\n", Word2VecFormat::Auto, "word2vec file: record 2 ('king'): 3 values, expected 2"},
      {"the 0.5 -1\n\nking 1 2\n", Word2VecFormat::Auto, "word2vec file: record 2 is an empty line"},
  };
  for (const auto& c : cases) {
    INFO(c.message);
    CHECK(message_of([&] { from_word2vec(c.bytes, c.format); }) == c.message);
    for (std::size_t slice : {1, 7}) {
      CHECK(message_of([&] {
              Word2VecReader reader(c.bytes, c.format);
              while (!reader.read(slice).done) {
              }
              reader.finish();
            }) == c.message);
    }
  }
}

TEST_CASE("word2vec reader: a reader that has thrown is spent", "[word2vec-reader]") {
  const std::string bytes = "3 2\na 1 2\nb 3 x\nc 5 6\n";
  Word2VecReader reader(bytes, Word2VecFormat::Text);
  CHECK(reader.read(1).rows_read == 1);
  CHECK_THROWS_WITH(reader.read(1), "word2vec file: record 2 ('b'): value 2 ('x') is not a number");
  CHECK_THROWS_WITH(reader.read(1), "word2vec reader: used after an error or after finish()");
  CHECK_THROWS_WITH(reader.finish(), "word2vec reader: used after an error or after finish()");
}

// Found by the word2vec fuzz targets (tests/fuzz/corpus/word2vec_*/regression-*): a binary record's
// word is every byte up to a space, so it may hold a newline or a control byte, and the messages
// quoted it verbatim, breaking the "one line" promise (CLI stderr, page message).
TEST_CASE("word2vec reader: messages stay one line whatever bytes the word holds", "[word2vec-reader]") {
  const auto message_of = [](const std::string& bytes, Word2VecFormat format) {
    try {
      from_word2vec(bytes, format);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  const std::string one = std::string("\x00\x00\x80\x3f", 4);  // 1.0f
  // A complete record whose word holds a newline: refused at the record, not quoted.
  const std::string newline_word = "1 1\nking\nqueen " + one + "\n";
  CHECK(message_of(newline_word, Word2VecFormat::Binary) ==
        "word2vec file: record 1: the word contains whitespace (wrong vector sizes?)");
  // The fuzzer's input, shortened: a truncated record whose word holds a newline and a control byte.
  CHECK(message_of("2 1\nking " + one + "\n3\nking\x03 \x19", Word2VecFormat::Binary) ==
        "word2vec file: record 2: the word contains whitespace (wrong vector sizes?)");
  // A control byte alone is no whitespace, but is not quoted either.
  CHECK(message_of("2 1\nking " + one + "\nx\x03y \x19", Word2VecFormat::Binary) ==
        "word2vec file: record 2: the file ends inside its vector (truncated?)");
  // Auto read the fuzzer's text input as binary and failed the same way.
  const std::string auto_input = "2 2\r\nhe\"lo 0-e3.1 5\r\x04\nwor\x03" "2 ";
  const std::string a = message_of(auto_input, Word2VecFormat::Auto);
  CHECK(a.find('\n') == std::string::npos);
  CHECK(a.find('\x03') == std::string::npos);
  // Printable words are still quoted.
  CHECK(message_of("1 2\nking " + one, Word2VecFormat::Binary) ==
        "word2vec file: record 1 ('king'): the file ends inside its vector (truncated?)");
}
