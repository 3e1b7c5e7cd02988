// Tests for pretrained_loader.h: fed the ranges it asks for, in slices of several sizes, it reads
// exactly the two tables (no byte outside them), reports progress, and gives the rows
// read_tensor gives; it refuses unreadable tables before asking for any data.
#include <catch2/catch.hpp>

#include "formats/pretrained_loader.h"
#include "safetensors_fixtures.h"

using namespace embplay;
using Catch::Matchers::Contains;

namespace {

PretrainedTables load(const std::string& file, std::uint64_t slice, std::vector<ByteRange>* ranges = nullptr) {
  const SafetensorsHeader h = parse_safetensors(file);
  PretrainedLoader loader(h, detect_pretrained_layout(h));
  double fraction = 0;
  while (const auto r = loader.next_range(slice)) {
    REQUIRE(r->end - r->begin <= slice);
    if (ranges) ranges->push_back(*r);
    loader.append(std::string_view(file).substr(r->begin, r->end - r->begin));
    REQUIRE(loader.fraction() > fraction);
    fraction = loader.fraction();
  }
  CHECK(loader.done());
  CHECK(fraction == 1.0);
  return loader.finish();
}

}  // namespace

TEST_CASE("pretrained loader: reads only the two tables, in any slice size", "[safetensors][pretrained]") {
  const std::string file = test::safetensors_fixture("gpt2-f16.safetensors");
  const SafetensorsHeader h = parse_safetensors(file);
  const SafetensorsTensor& wte = h.require("transformer.wte.weight");
  const SafetensorsTensor& wpe = h.require("transformer.wpe.weight");
  const RowMatrix expected = read_tensor(std::string_view(file).substr(wte.begin, wte.bytes()), wte);
  for (std::uint64_t slice : {std::uint64_t{7}, std::uint64_t{65536}, std::uint64_t{1} << 30}) {
    INFO("slice " << slice);
    std::vector<ByteRange> ranges;
    const PretrainedTables t = load(file, slice, &ranges);
    CHECK(t.tokens == expected);
    CHECK(t.positions.rows() == 16);
    CHECK(t.positions(5, 0) == 5.0f / 16);
    std::uint64_t bytes = 0;
    for (const ByteRange& r : ranges) {
      const bool in_wte = r.begin >= wte.begin && r.end <= wte.end;
      const bool in_wpe = r.begin >= wpe.begin && r.end <= wpe.end;
      CHECK((in_wte || in_wpe));
      bytes += r.end - r.begin;
    }
    CHECK(bytes == wte.bytes() + wpe.bytes());
    CHECK(ranges.front().begin == wte.begin);  // the token table first
  }
}

TEST_CASE("pretrained loader: refuses before reading, and when used wrongly", "[safetensors][pretrained]") {
  const SafetensorsHeader i8 = parse_safetensors(test::safetensors_fixture("bad-i8.safetensors"));
  CHECK_THROWS_WITH(PretrainedLoader(i8, detect_pretrained_layout(i8)), Contains("has dtype I8, which is not read"));
  const SafetensorsHeader other = parse_safetensors(test::safetensors_fixture("other-f32.safetensors"));
  CHECK_THROWS_WITH(PretrainedLoader(other, detect_pretrained_layout(other)), "no token table chosen");
  PretrainedLoader loader(other, chosen_layout(other, "model.embed_tokens.weight", ""));
  CHECK(loader.fraction() == 0.0);
  CHECK_THROWS_WITH(loader.finish(), "read 0 of the tables' 1088 bytes");
  const std::string file = test::safetensors_fixture("other-f32.safetensors");
  const auto r = loader.next_range(1 << 20);
  loader.append(std::string_view(file).substr(r->begin, r->end - r->begin));
  CHECK_FALSE(loader.next_range(1 << 20));
  CHECK_THROWS_WITH(loader.append("x"), "both tables are read already");
  CHECK(loader.finish().positions.size() == 0);
  CHECK_THROWS_WITH(loader.finish(), "the tables were taken already");
}
