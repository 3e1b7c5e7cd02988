// Tests for pretrained_embeddings.h on the generated files: the planted nearest token among all
// 50,257 GPT-2 rows ("Ġqueen" for "Ġking"; "king" without the space is the farthest row), the
// same answers from F32, F16 and BF16 files, BERT's vocab.txt names, and a name count that does
// not match the rows.
#include <catch2/catch.hpp>

#include "formats/pretrained_loader.h"
#include "formats/safetensors_fixtures.h"
#include "gpt2_test_ranks.h"
#include "test_helpers.h"
#include "text/wordpiece_vocab.h"
#include "vectors/pretrained_embeddings.h"

using namespace embplay;

namespace {

PretrainedTables tables(const std::string& name) {
  const std::string file = test::safetensors_fixture(name);
  const SafetensorsHeader h = parse_safetensors(file);
  PretrainedLoader loader(h, detect_pretrained_layout(h));
  while (const auto r = loader.next_range(1 << 20)) loader.append(std::string_view(file).substr(r->begin, r->end - r->begin));
  return loader.finish();
}

std::vector<std::string> gpt2_names() {
  std::vector<std::string> names;
  for (std::size_t id = 0; id < test::real_gpt2().vocab_size(); ++id) names.push_back(test::real_gpt2().token_text(static_cast<std::int32_t>(id)));
  return names;
}

}  // namespace

TEST_CASE("pretrained embeddings: GPT-2's nearest tokens among all rows", "[pretrained]") {
  for (const char* file : {"gpt2-f32.safetensors", "gpt2-f16.safetensors", "gpt2-bf16.safetensors"}) {
    INFO(file);
    const PretrainedEmbeddings e(gpt2_names(), tables(file));
    REQUIRE(e.vocab_size() == 50257);
    CHECK(e.width() == 8);
    const auto near = e.space().neighbors("\xC4\xA0king", 3);  // "Ġking"
    REQUIRE(near.size() == 3);
    CHECK(e.tokens().word(static_cast<std::size_t>(near[0].id)) == "\xC4\xA0queen");
    CHECK(near[0].score > 0.9999f);
    CHECK(near[1].score < 0.99f);  // nothing else was planted near KING
    const auto all = e.space().neighbors("\xC4\xA0king", 50256);
    CHECK(e.tokens().word(static_cast<std::size_t>(all.back().id)) == "king");  // the space makes another row
    CHECK(all.back().score == test::approx(-1.0));
    CHECK(e.row_norm(e.space().row_of("\xC4\xA0king")) == test::approx(std::sqrt(204.0) / 8, 1e-6));
    CHECK(e.positions().rows() == 16);
  }
}

TEST_CASE("pretrained embeddings: BERT rows named by vocab.txt", "[pretrained]") {
  const WordPieceVocab vocab(test::safetensors_fixture("bert-vocab.txt"));
  for (const char* file : {"bert-f32.safetensors", "bert-bf16.safetensors"}) {
    const PretrainedEmbeddings e(vocab.tokens(), tables(file));
    CHECK(e.tokens().word(static_cast<std::size_t>(e.space().neighbors("king", 1)[0].id)) == "queen");
    CHECK(e.space().row_of("##s") == vocab.id_of("##s"));
  }
  CHECK_THROWS_WITH(PretrainedEmbeddings(PretrainedEmbeddings::numbered_names(3), tables("bert-f32.safetensors")),
                    "the token table has 34 rows, the vocabulary 3 tokens");
  CHECK(PretrainedEmbeddings::numbered_names(2) == std::vector<std::string>{"#0", "#1"});
}

TEST_CASE("pretrained embeddings: tokens along a direction, highest and lowest", "[pretrained]") {
  const WordPieceVocab vocab(test::safetensors_fixture("bert-vocab.txt"));
  const PretrainedEmbeddings e(vocab.tokens(), tables("bert-f32.safetensors"));
  // king -> ##s: ##s was planted as -KING, so the direction is -KING / |KING|: ##s scores
  // highest (|KING| = sqrt(204)/8); queen = KING + e_8/64 scores lowest, -(204 + 1)/64 / |KING|,
  // then king, -|KING|.
  const auto top = e.along_direction({{"king", "##s"}}, 3, true);
  const auto bottom = e.along_direction({{"king", "##s"}}, 3, false);
  REQUIRE(top.size() == 3);
  CHECK(e.tokens().word(static_cast<std::size_t>(top[0].id)) == "##s");
  CHECK(top[0].score == test::approx(std::sqrt(204.0) / 8, 1e-5));
  CHECK(top[1].score <= top[0].score);
  CHECK(e.tokens().word(static_cast<std::size_t>(bottom[0].id)) == "queen");
  CHECK(bottom[0].score == test::approx(-205.0 / (8 * std::sqrt(204.0)), 1e-5));
  CHECK(e.tokens().word(static_cast<std::size_t>(bottom[1].id)) == "king");
  CHECK(bottom[1].score == test::approx(-std::sqrt(204.0) / 8, 1e-5));
  CHECK(e.along_direction({{"king", "##s"}}, 1000, true).size() == 34);
  CHECK_THROWS_WITH(e.along_direction({{"king", "nope"}}, 3, true), Catch::Matchers::Contains("'nope'"));
}

TEST_CASE("pretrained embeddings: PCA of chosen tokens", "[pretrained]") {
  const WordPieceVocab vocab(test::safetensors_fixture("bert-vocab.txt"));
  const PretrainedEmbeddings e(vocab.tokens(), tables("bert-f32.safetensors"));
  // king, queen (= king + a little) and ##s (= -king): almost on one line through the origin,
  // so the first axis carries nearly all the variance and splits ##s from the other two.
  const std::vector<std::int32_t> ids{vocab.id_of("king"), vocab.id_of("queen"), vocab.id_of("##s")};
  const PcaProjection p = e.project(ids, 2);
  REQUIRE(p.coords.rows() == 3);
  CHECK(p.explained[0] > 0.999);
  CHECK(std::abs(p.coords(0, 0) - p.coords(1, 0)) < 0.05);
  CHECK(std::abs(p.coords(0, 0) - p.coords(2, 0)) > 3.0);  // 2 |KING| = 3.57 apart
  CHECK_THROWS_AS(e.project({0, 999}, 2), std::out_of_range);
}
