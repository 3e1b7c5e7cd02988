// Tests for pretrained_layout.h on the generated files: GPT-2 and BERT tables found with and
// without their prefixes, F32/F16/BF16 files giving the same rows with the planted values at the
// tokenizer's own ids, a row count that does not match the tokenizer refused with both numbers.
#include <catch2/catch.hpp>

#include "formats/pretrained_layout.h"
#include "formats/safetensors_tensor.h"
#include "gpt2_test_ranks.h"
#include "safetensors_fixtures.h"

using namespace embplay;
using Catch::Matchers::Contains;

namespace {

RowMatrix read_named(const std::string& file, const std::string& tensor) {
  const SafetensorsHeader h = parse_safetensors(file);
  const SafetensorsTensor& t = h.require(tensor);
  return read_tensor(std::string_view(file).substr(t.begin, t.bytes()), t);
}

}  // namespace

TEST_CASE("pretrained layout: GPT-2 and BERT names, with and without prefixes", "[safetensors][pretrained]") {
  struct Case {
    const char* file;
    PretrainedKind kind;
    const char* tokens;
    const char* positions;
  };
  const Case cases[] = {
      {"gpt2-f32.safetensors", PretrainedKind::Gpt2, "wte.weight", "wpe.weight"},
      {"gpt2-f16.safetensors", PretrainedKind::Gpt2, "transformer.wte.weight", "transformer.wpe.weight"},
      {"bert-f32.safetensors", PretrainedKind::Bert, "bert.embeddings.word_embeddings.weight", "bert.embeddings.position_embeddings.weight"},
      {"bert-bf16.safetensors", PretrainedKind::Bert, "embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight"},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    const PretrainedLayout layout = detect_pretrained_layout(parse_safetensors(test::safetensors_fixture(c.file)));
    CHECK(layout.kind == c.kind);
    CHECK(layout.token_table == c.tokens);
    CHECK(layout.position_table == c.positions);
  }
  const SafetensorsHeader other = parse_safetensors(test::safetensors_fixture("other-f32.safetensors"));
  const PretrainedLayout none = detect_pretrained_layout(other);
  CHECK(none.kind == PretrainedKind::Other);
  CHECK(none.token_table.empty());
  const auto matrices = matrix_tensors(other);
  REQUIRE(matrices.size() == 1);  // the 1-D norm is not a candidate
  CHECK(matrices[0]->name == "model.embed_tokens.weight");
  CHECK(chosen_layout(other, "model.embed_tokens.weight", "").token_table == "model.embed_tokens.weight");
  CHECK_THROWS_WITH(chosen_layout(other, "model.norm.weight", ""), "the token table 'model.norm.weight' has shape [8], not [rows, width]");
  CHECK_THROWS_WITH(chosen_layout(other, "model.embed_tokens.weight", "nope"), "no tensor 'nope' in the file");
}

TEST_CASE("pretrained layout: F32, F16 and BF16 files hold the planted rows at GPT-2's ids", "[safetensors][pretrained]") {
  const Gpt2Bpe& gpt2 = test::real_gpt2();
  const std::int32_t king = gpt2.encode_ids(" king").at(0);
  const std::int32_t plain_king = gpt2.encode_ids("king").at(0);
  REQUIRE(king != plain_king);
  const RowMatrix f32 = read_named(test::safetensors_fixture("gpt2-f32.safetensors"), "wte.weight");
  REQUIRE(f32.rows() == 50257);
  REQUIRE(f32.cols() == 8);
  const std::vector<float> expected = test::planted_king();
  for (int j = 0; j < 8; ++j) {
    CHECK(f32(king, j) == expected[static_cast<std::size_t>(j)]);
    CHECK(f32(plain_king, j) == -expected[static_cast<std::size_t>(j)]);
  }
  CHECK(read_named(test::safetensors_fixture("gpt2-f16.safetensors"), "transformer.wte.weight") == f32);
  CHECK(read_named(test::safetensors_fixture("gpt2-bf16.safetensors"), "wte.weight") == f32);
  const RowMatrix wpe = read_named(test::safetensors_fixture("gpt2-bf16.safetensors"), "wpe.weight");
  REQUIRE(wpe.rows() == 16);
  CHECK(wpe(3, 1) == 2.0f / 16);
  CHECK(wpe(0, 7) == -7.0f / 16);
}

TEST_CASE("pretrained layout: the token table must match the tokenizer", "[safetensors][pretrained]") {
  const SafetensorsHeader good = parse_safetensors(test::safetensors_fixture("gpt2-f32.safetensors"));
  CHECK_NOTHROW(check_token_rows(good, detect_pretrained_layout(good), test::real_gpt2().vocab_size(), "GPT-2's tokenizer"));
  const SafetensorsHeader bad = parse_safetensors(test::safetensors_fixture("bad-rows.safetensors"));
  CHECK_THROWS_WITH(check_token_rows(bad, detect_pretrained_layout(bad), test::real_gpt2().vocab_size(), "GPT-2's tokenizer"),
                    "the token table 'wte.weight' has 50000 rows, GPT-2's tokenizer has 50257 tokens");
}

TEST_CASE("pretrained layout: malformed files are refused with one clear message", "[safetensors][pretrained]") {
  const auto fails_with = [](const char* file) {
    const std::string bytes = test::safetensors_fixture(file);
    try {
      const SafetensorsHeader h = parse_safetensors(bytes);
      const PretrainedLayout layout = detect_pretrained_layout(h);
      TensorReader reader(h.require(layout.token_table));
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(fails_with("bad-text.safetensors"), Contains("not a safetensors file"));
  CHECK(fails_with("bad-length.safetensors") == "not a safetensors file: header length 4096 bytes runs past the end of the file (16 bytes)");
  CHECK_THAT(fails_with("bad-huge-header.safetensors"), Contains("header length 100000000 bytes is over the 16 MiB limit"));
  CHECK(fails_with("bad-overlap.safetensors") == "tensors 'a' and 'b' overlap (data_offsets 4 < 8)");
  CHECK(fails_with("bad-offsets.safetensors") == "tensor 'c' runs past the end of the file (data_offsets end 16, the data holds 12 bytes)");
  CHECK(fails_with("bad-i8.safetensors") == "tensor 'wte.weight' has dtype I8, which is not read (F32, F16 and BF16 are)");
  CHECK(fails_with("bad-f64.safetensors") == "tensor 'wte.weight' has dtype F64, which is not read (F32, F16 and BF16 are)");
}
