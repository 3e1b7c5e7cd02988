// Tests for subword_space.h: neighbours and analogies for seen and unseen words against a
// brute-force cosine search, and piece shares that sum to one.
#include <catch2/catch.hpp>

#include <memory>

#include "fasttext/subword_space.h"
#include "math/random.h"
#include "test_helpers.h"

using namespace embplay;

namespace {

std::shared_ptr<SubwordModel> model() {
  FastTextArgs a;
  a.dim = 4;
  a.bucket = 50;
  a.minn = 2;
  a.maxn = 4;
  Rng rng(9);
  const std::vector<std::string> words = {"왕은", "왕을", "여왕은", "cat", "cats", "dog"};
  RowMatrix in(static_cast<Eigen::Index>(words.size()) + 50, 4), out(static_cast<Eigen::Index>(words.size()), 4);
  for (Eigen::Index i = 0; i < in.size(); ++i) in.data()[i] = rng.uniform(-1.0f, 1.0f);
  out.setZero();
  return std::make_shared<SubwordModel>(a, words, std::vector<std::int64_t>(words.size(), 1), 6, in, out);
}

double cosine(const std::vector<float>& x, const std::vector<float>& y) {
  double d = 0, nx = 0, ny = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    d += x[i] * y[i];
    nx += x[i] * x[i];
    ny += y[i] * y[i];
  }
  return d / std::sqrt(nx * ny);
}

}  // namespace

TEST_CASE("neighbours of seen and unseen words rank the vocabulary by cosine", "[fasttext][space]") {
  const auto m = model();
  const SubwordSpace space(m);
  for (const char* word : {"왕은", "왕이", "catz"}) {
    INFO(word);
    const auto found = space.neighbors(word, 6);
    CHECK(found.size() == (space.seen(word) ? 5u : 6u));
    for (std::size_t i = 0; i < found.size(); ++i) {
      const std::string& w = m->words()[static_cast<std::size_t>(found[i].id)];
      CHECK(w != word);
      CHECK(found[i].score == test::approx(cosine(m->vector(word), m->vector(w)), 1e-5));
      if (i) CHECK(found[i].score <= found[i - 1].score);
    }
  }
}

TEST_CASE("an analogy with an unseen word leaves out the seen ones", "[fasttext][space]") {
  const SubwordSpace space(model());
  const auto found = space.analogy("cat", "cats", "dogz", 10);
  CHECK(found.size() == 4);  // 6 words minus cat and cats
  for (const auto& n : found) CHECK(n.id != 3);
}

TEST_CASE("piece shares sum to one and follow the pieces", "[fasttext][space]") {
  const SubwordSpace space(model());
  for (const char* word : {"왕은", "왕이"}) {
    const auto pieces = space.pieces(word);
    double sum = 0;
    for (const auto& p : pieces) sum += p.share;
    CHECK(sum == test::approx(1.0, 1e-5));
    CHECK(pieces.front().whole_word == space.seen(word));
    CHECK((pieces.back().text == "이>" || pieces.back().text == "은>"));
  }
}
