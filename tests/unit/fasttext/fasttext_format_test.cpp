// Tests for fasttext_format.h: the byte layout fastText 0.9.2 writes (checked field by
// field), round trips, and refusal of truncated, foreign, supervised and quantized files.
// Interop with the real fastText and gensim is tested in tests/node/fasttext_interop.test.mjs.
#include <catch2/catch.hpp>

#include <cstring>
#include <stdexcept>

#include "fasttext/fasttext_format.h"
#include "math/random.h"

using namespace embplay;

namespace {

RowMatrix random_rows(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed) {
  Rng rng(seed);
  RowMatrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(-1.0f, 1.0f);
  return m;
}

SubwordModel small_model() {
  FastTextArgs a;
  a.dim = 2;
  a.bucket = 5;
  a.model = FastTextArgs::kCbow;
  return SubwordModel(a, {"왕은", "b"}, {7, 3}, 12, random_rows(7, 2, 1), random_rows(2, 2, 2));
}

template <class T>
T at(const std::string& bytes, std::size_t offset) {
  T v;
  std::memcpy(&v, bytes.data() + offset, sizeof v);
  return v;
}

template <class T>
void set(std::string& bytes, std::size_t offset, T v) {
  std::memcpy(&bytes[offset], &v, sizeof v);
}

constexpr std::size_t kArgs = 8;         // after magic and version
constexpr std::size_t kDict = 8 + 56;    // after 12 int32 args and the float64 t

}  // namespace

TEST_CASE("fastText .bin layout field by field", "[fasttext][format]") {
  const std::string b = to_fasttext_bin(small_model());
  CHECK(at<std::int32_t>(b, 0) == 793712314);
  CHECK(at<std::int32_t>(b, 4) == 12);
  CHECK(at<std::int32_t>(b, kArgs) == 2);            // dim
  CHECK(at<std::int32_t>(b, kArgs + 6 * 4) == 2);    // loss: ns
  CHECK(at<std::int32_t>(b, kArgs + 7 * 4) == 1);    // model: cbow
  CHECK(at<std::int32_t>(b, kArgs + 8 * 4) == 5);    // bucket
  CHECK(at<double>(b, kArgs + 48) == 1e-4);          // t
  CHECK(at<std::int32_t>(b, kDict) == 2);            // size
  CHECK(at<std::int32_t>(b, kDict + 4) == 2);        // nwords
  CHECK(at<std::int32_t>(b, kDict + 8) == 0);        // nlabels
  CHECK(at<std::int64_t>(b, kDict + 12) == 12);      // ntokens
  CHECK(at<std::int64_t>(b, kDict + 20) == -1);      // pruneidx_size
  const std::size_t words = kDict + 28;
  CHECK(b.substr(words, 7) == std::string("왕은\0", 7));
  CHECK(at<std::int64_t>(b, words + 7) == 7);
  CHECK(at<std::int8_t>(b, words + 15) == 0);
  const std::size_t input = words + 16 + 2 + 8 + 1 + 1;  // "b\0", count, type, quantized flag
  CHECK(b[input - 1] == 0);                          // not quantized
  CHECK(at<std::int64_t>(b, input) == 7);
  CHECK(at<std::int64_t>(b, input + 8) == 2);
  CHECK(b.size() == input + 16 + 7 * 2 * 4 + 1 + 16 + 2 * 2 * 4);
}

TEST_CASE("fastText .bin round trip keeps every bit", "[fasttext][format]") {
  const SubwordModel m = small_model();
  const SubwordModel r = from_fasttext_bin(to_fasttext_bin(m));
  CHECK(r.words() == m.words());
  CHECK(r.counts() == m.counts());
  CHECK(r.ntokens() == 12);
  CHECK(r.args().model == FastTextArgs::kCbow);
  CHECK(r.input() == m.input());
  CHECK(r.output() == m.output());
  CHECK(to_fasttext_bin(r) == to_fasttext_bin(m));
  CHECK(r.vector("왕이") == m.vector("왕이"));
}

TEST_CASE("every truncation of a .bin is refused with a reason", "[fasttext][format][bad-input]") {
  const std::string b = to_fasttext_bin(small_model());
  for (std::size_t n = 0; n < b.size(); ++n) {
    INFO("first " << n << " bytes");
    CHECK_THROWS_AS(from_fasttext_bin(std::string_view(b).substr(0, n)), std::invalid_argument);
  }
  CHECK_THROWS_WITH(from_fasttext_bin(b.substr(0, b.size() - 1)),
                    "not a usable fastText .bin: the output matrix needs 16 bytes but only 15 remain (truncated)");
  CHECK_THROWS_WITH(from_fasttext_bin(b + "x"), "not a usable fastText .bin: 1 unexpected bytes after the output matrix");
}

TEST_CASE("foreign, supervised, quantized and other-version files are refused by name", "[fasttext][format][bad-input]") {
  const std::string b = to_fasttext_bin(small_model());
  CHECK_THROWS_WITH(from_fasttext_bin("2 3\nab 1 2 3\n"),
                    "not a usable fastText .bin: it does not start with fastText's magic number 793712314");
  CHECK_FALSE(looks_like_fasttext_bin("2 3\nab 1 2 3\n"));
  CHECK(looks_like_fasttext_bin(b));
  std::string v = b;
  set<std::int32_t>(v, 4, 11);
  CHECK_THROWS_WITH(from_fasttext_bin(v), "not a usable fastText .bin: format version 11; only version 12 (fastText 0.9.x) is read");
  std::string sup = b;
  set<std::int32_t>(sup, kArgs + 7 * 4, 3);
  CHECK_THROWS_WITH(from_fasttext_bin(sup), "not a usable fastText .bin: it is a supervised (classification) model with "
                                            "labels; only cbow and skipgram word-vector models load");
  std::string labels = b;
  set<std::int32_t>(labels, kDict + 8, 1);
  CHECK_THROWS_WITH(from_fasttext_bin(labels), "not a usable fastText .bin: its dictionary has 1 labels (a supervised model)");
  std::string quant = b;
  quant[kDict + 28 + 16 + 2 + 8 + 1] = 1;
  CHECK_THROWS_WITH(from_fasttext_bin(quant), "not a usable fastText .bin: its input matrix is quantized (.ftz); only "
                                              "unquantized models load");
  std::string huge = b;
  set<std::int32_t>(huge, kDict, 1000000000);
  set<std::int32_t>(huge, kDict + 4, 1000000000);
  CHECK_THROWS_WITH(from_fasttext_bin(huge), "not a usable fastText .bin: the dictionary claims 1000000000 words, more than "
                                             "the file holds (truncated)");
}

// Found by the fastText fuzz target: a .bin word holds every byte up to NUL, so whitespace too;
// the model loaded, and listing its words then threw with the word (and its newline) in the message.
TEST_CASE("a .bin dictionary word with whitespace is refused on one line", "[fasttext][format][bad-input]") {
  FastTextArgs a;
  a.dim = 2;
  a.bucket = 5;
  for (const char* word : {"a b", "a\nb", "\x01\n"}) {
    INFO(word);
    const SubwordModel m(a, {"x", word}, {1, 1}, 2, random_rows(7, 2, 1), random_rows(2, 2, 2));
    CHECK_THROWS_WITH(from_fasttext_bin(to_fasttext_bin(m)),
                      Catch::StartsWith("not a usable fastText .bin: dictionary word 1 (") &&
                          Catch::EndsWith(") contains whitespace") && !Catch::Contains("\n"));
  }
  CHECK_THROWS_WITH(from_fasttext_bin(to_fasttext_bin(SubwordModel(a, {"x", "a\nb"}, {1, 1}, 2, random_rows(7, 2, 1),
                                                                   random_rows(2, 2, 2)))),
                    "not a usable fastText .bin: dictionary word 1 ('a\\nb') contains whitespace");
  std::string twice = to_fasttext_bin(SubwordModel(a, {"ab", "ac"}, {1, 1}, 2, random_rows(7, 2, 1), random_rows(2, 2, 2)));
  twice[twice.find(std::string("ac\0", 3)) + 1] = 'b';
  CHECK_THROWS_WITH(from_fasttext_bin(twice), "not a usable fastText .bin: the word 'ab' appears twice");
}

TEST_CASE("vector lines print as fastText's print-word-vectors", "[fasttext][format]") {
  CHECK(fasttext_vector_line("왕", {0.5f, -0.000123456f, 12345.678f, 1e-7f}) == "왕 0.5 -0.00012346 12346 1e-07 \n");
  CHECK(to_fasttext_vec(small_model()).substr(0, 4) == "2 2\n");
}
