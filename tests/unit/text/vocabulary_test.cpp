// Tests for vocabulary.h: deterministic order, min_count, max size, [UNK], ids both ways.
#include <catch2/catch.hpp>

#include "text/vocabulary.h"

using embplay::TokenSequence;
using embplay::Vocabulary;
using embplay::VocabularyCounter;

namespace {

TokenSequence words(std::initializer_list<const char*> list) {
  TokenSequence seq;
  std::uint32_t pos = 0;
  for (const char* w : list) {
    const auto len = static_cast<std::uint32_t>(std::string(w).size());
    seq.push(w, pos, pos + len);
    pos += len + 1;
  }
  return seq;
}

std::string listing(const Vocabulary& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ' ';
    out += v.token(static_cast<std::int32_t>(i)) + ":" + std::to_string(v.count(static_cast<std::int32_t>(i)));
  }
  return out;
}

}  // namespace

TEST_CASE("vocabulary orders by count, ties by first occurrence", "[vocabulary]") {
  auto seq = words({"b", "a", "c", "a", "d", "c", "e"});
  auto v = Vocabulary::build(seq);
  CHECK(listing(v) == "[UNK]:0 a:2 c:2 b:1 d:1 e:1");
}

TEST_CASE("min_count drops rare tokens into [UNK]", "[vocabulary]") {
  auto seq = words({"the", "cat", "the", "dog", "the", "cat", "bird"});
  auto v = Vocabulary::build(seq, {2, 0});
  CHECK(listing(v) == "[UNK]:2 the:3 cat:2");
  CHECK(v.id_of("dog") == Vocabulary::kUnkId);
  CHECK(v.id_of("cat") == 2);
  CHECK(v.encode(seq) == std::vector<std::int32_t>{1, 2, 1, 0, 1, 2, 0});
}

TEST_CASE("max_size keeps the most frequent entries including [UNK]", "[vocabulary]") {
  auto seq = words({"x", "y", "y", "z", "z", "z"});
  auto v = Vocabulary::build(seq, {1, 3});
  CHECK(listing(v) == "[UNK]:1 z:3 y:2");
}

TEST_CASE("ids map both ways and bad ids throw with a message", "[vocabulary]") {
  auto v = Vocabulary::build(words({"안녕", "세상", "안녕"}));
  CHECK(v.token(v.id_of("안녕")) == "안녕");
  CHECK(v.size() == 3);
  CHECK_THROWS_WITH(v.token(3), "token id 3 is outside the vocabulary (size 3)");
  CHECK_THROWS_WITH(v.count(-1), "token id -1 is outside the vocabulary (size 3)");
}

TEST_CASE("empty input gives a vocabulary of just [UNK]", "[vocabulary]") {
  auto v = Vocabulary::build(TokenSequence{});
  CHECK(v.size() == 1);
  CHECK(v.token(0) == "[UNK]");
  CHECK(v.count(0) == 0);
}

TEST_CASE("a literal [UNK] token in the text is not duplicated", "[vocabulary]") {
  auto v = Vocabulary::build(words({"[UNK]", "a"}));
  CHECK(listing(v) == "[UNK]:1 a:1");
}

TEST_CASE("invalid options are rejected", "[vocabulary]") {
  VocabularyCounter c;
  c.add("a");
  CHECK_THROWS_WITH(Vocabulary::build(c, {0, 0}), "min_count must be at least 1, got 0");
  CHECK_THROWS_WITH(Vocabulary::build(c, {1, 1}), "max_size must be 0 (unlimited) or at least 2, got 1");
}

TEST_CASE("copies keep a working index", "[vocabulary]") {
  Vocabulary copy;
  {
    auto v = Vocabulary::build(words({"alpha", "beta", "beta"}));
    copy = v;
  }
  CHECK(copy.id_of("beta") == 1);
  CHECK(copy.id_of("alpha") == 2);
}
