// Tests for safetensors_header.h: a valid header read field by field (absolute byte ranges,
// metadata, every spec dtype listed), and each way a header can be wrong refused with a
// message naming the tensor and the numbers, before any data is touched.
#include <catch2/catch.hpp>

#include "formats/json_value.h"
#include "formats/safetensors_header.h"
#include "safetensors_bytes.h"

using namespace embplay;
using Catch::Matchers::Contains;
using test::safetensors_bytes;

namespace {

std::string entry(const std::string& dtype, const std::string& shape, std::uint64_t begin, std::uint64_t end) {
  return R"({"dtype":")" + dtype + R"(","shape":)" + shape + R"(,"data_offsets":[)" + std::to_string(begin) + "," +
         std::to_string(end) + "]}";
}

SafetensorsHeader parse(const std::string& header, std::size_t data_bytes) {
  return parse_safetensors(safetensors_bytes(header, std::string(data_bytes, '\0')));
}

}  // namespace

TEST_CASE("safetensors header: tensors, absolute ranges and metadata", "[safetensors]") {
  // Written out of offset order, as the spec allows; padded with spaces as writers do.
  const std::string header = R"({"b":)" + entry("F16", "[2,3]", 24, 36) + R"(,"__metadata__":{"format":"pt"},"a":)" +
                             entry("F32", "[2,3]", 0, 24) + R"(,"ids":)" + entry("I64", "[1,2]", 36, 52) +
                             R"(,"s":)" + entry("BF16", "[]", 52, 54) + "}    ";
  const SafetensorsHeader h = parse(header, 54);
  CHECK(h.header_length == header.size());
  CHECK(h.data_start == 8 + header.size());
  CHECK(h.file_size == 8 + header.size() + 54);
  REQUIRE(h.tensors.size() == 4);
  CHECK(h.tensors[0].name == "a");  // file order
  CHECK(h.tensors[1].name == "b");
  CHECK(h.tensors[1].dtype == "F16");
  CHECK(h.tensors[1].shape == std::vector<std::uint64_t>{2, 3});
  CHECK(h.tensors[1].begin == h.data_start + 24);
  CHECK(h.tensors[1].end == h.data_start + 36);
  CHECK(h.tensors[1].shape_text() == "[2, 3]");
  CHECK(h.tensors[1].float_readable());
  CHECK_FALSE(h.require("ids").float_readable());
  CHECK(h.require("s").elements() == 1);  // a scalar
  CHECK(h.metadata == std::vector<std::pair<std::string, std::string>>{{"format", "pt"}});
  CHECK(h.find("nope") == nullptr);
  CHECK_THROWS_WITH(h.require("nope"), "no tensor 'nope' in the file");
}

TEST_CASE("safetensors header: every dtype of the spec has its size; others are unknown", "[safetensors]") {
  CHECK(safetensors_dtype_bytes("BOOL") == 1);
  CHECK(safetensors_dtype_bytes("F8_E4M3") == 1);
  CHECK(safetensors_dtype_bytes("BF16") == 2);
  CHECK(safetensors_dtype_bytes("U32") == 4);
  CHECK(safetensors_dtype_bytes("F64") == 8);
  CHECK(safetensors_dtype_bytes("f32") == 0);
  CHECK(safetensors_dtype_bytes("Q4") == 0);
  CHECK_THROWS_WITH(parse(R"({"w":)" + entry("Q4", "[1]", 0, 1) + "}", 1), "tensor 'w' has an unknown dtype 'Q4'");
}

TEST_CASE("safetensors header: an empty file and zero-size tensors", "[safetensors]") {
  CHECK(parse("{}", 0).tensors.empty());
  const SafetensorsHeader h = parse(R"({"e":)" + entry("F32", "[0,4]", 0, 0) + R"(,"x":)" + entry("U8", "[2]", 0, 2) + "}", 2);
  CHECK(h.tensors.size() == 2);
}

TEST_CASE("safetensors header: the length prefix", "[safetensors]") {
  CHECK_THROWS_WITH(parse_safetensors("abc"), Contains("3 bytes, too short for the 8-byte header length"));
  CHECK_THROWS_WITH(parse_safetensors(test::u64_le(0)), Contains("the header length is 0"));
  CHECK_THROWS_WITH(parse_safetensors(test::u64_le(40) + "{}"), "not a safetensors file: header length 40 bytes runs past the end of the file (10 bytes)");
  CHECK_THROWS_WITH(safetensors_header_length(test::u64_le(100000000), 200000000), Contains("header length 100000000 bytes is over the 16 MiB limit"));
  CHECK(safetensors_header_length(test::u64_le(kSafetensorsMaxHeaderBytes), kSafetensorsMaxHeaderBytes + 8) == kSafetensorsMaxHeaderBytes);
  // A text file: its first 8 bytes read as a huge length.
  CHECK_THROWS_WITH(parse_safetensors("hello, world\n"), Contains("not a safetensors file"));
  CHECK_THROWS_WITH(parse_safetensors(safetensors_bytes("[1]", "")), "not a safetensors file: the header does not start with '{'");
}

TEST_CASE("safetensors header: malformed entries name the tensor", "[safetensors]") {
  CHECK_THROWS_AS(parse("{\"a\":", 0), JsonError);
  CHECK_THROWS_WITH(parse(R"({"a":[1]})", 0), "tensor 'a' is an array, not an object");
  CHECK_THROWS_WITH(parse(R"({"a":{"dtype":"F32","shape":[1]}})", 4), "tensor 'a' has no \"data_offsets\"");
  CHECK_THROWS_WITH(parse(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"extra":1}})", 4), "tensor 'a' has an unknown field 'extra'");
  CHECK_THROWS_WITH(parse(R"({"a":{"dtype":5,"shape":[1],"data_offsets":[0,4]}})", 4), "tensor 'a': \"dtype\" is not a string");
  CHECK_THROWS_WITH(parse(R"({"a":)" + entry("F32", "[-1]", 0, 4) + "}", 4), "tensor 'a': a shape entry is not a non-negative integer");
  CHECK_THROWS_WITH(parse(R"({"a":)" + entry("F32", "[2.0]", 0, 8) + "}", 8), Contains("shape entry is not a non-negative integer"));
  CHECK_THROWS_WITH(parse(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0]}})", 4), "tensor 'a': \"data_offsets\" is not [begin, end]");
  CHECK_THROWS_WITH(parse(R"({"a":)" + entry("F32", "[1]", 4, 0) + "}", 4), "tensor 'a': data_offsets end is before begin");
  CHECK_THROWS_WITH(parse(R"({"a":)" + entry("F32", "[2,3]", 0, 20) + "}", 20), "tensor 'a': shape [2, 3] of F32 needs 24 bytes, data_offsets give 20");
  CHECK_THROWS_WITH(parse(R"({"a":)" + entry("F32", "[4294967296,4294967296]", 0, 16) + "}", 16), "tensor 'a': shape [4294967296, 4294967296] is too large");
  CHECK_THROWS_WITH(parse(R"({"__metadata__":{"n":1}})", 0), "\"__metadata__\" value of 'n' is not a string");
  CHECK_THROWS_WITH(parse(R"({"__metadata__":[]})", 0), "\"__metadata__\" is an array, not an object");
}

// Found by the safetensors fuzz target: a name is any JSON string, so "\n" and "\u0007" escapes put
// newlines and control characters into the messages that quote it (the CLI's one stderr line).
TEST_CASE("safetensors header: names from the file are quoted on one line", "[safetensors]") {
  CHECK_THROWS_WITH(parse(R"({"a\nb":)" + entry("X", "[1]", 0, 4) + "}", 4), "tensor 'a\\nb' has an unknown dtype 'X'");
  CHECK_THROWS_WITH(parse(R"({"a":)" + entry("F\\u000d32", "[1]", 0, 4) + "}", 4), "tensor 'a' has an unknown dtype 'F\\r32'");
  CHECK_THROWS_WITH(parse(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"\u2028":1}})", 4),
                    "tensor 'a' has an unknown field '\\u2028'");
  CHECK_THROWS_WITH(parse(R"({"__metadata__":{"\u0085":1}})", 0), "\"__metadata__\" value of '\\u0085' is not a string");
  CHECK_THROWS_WITH(parse_json(R"({"\n":1,"\n":2})"), Contains("duplicate key '\\n'"));
}

TEST_CASE("safetensors header: ranges must tile the data exactly", "[safetensors]") {
  SECTION("overlap") {
    CHECK_THROWS_WITH(parse(R"({"a":)" + entry("F32", "[2]", 0, 8) + R"(,"b":)" + entry("F32", "[2]", 4, 12) + "}", 12),
                      "tensors 'a' and 'b' overlap (data_offsets 4 < 8)");
  }
  SECTION("gap") {
    CHECK_THROWS_WITH(parse(R"({"a":)" + entry("F32", "[1]", 0, 4) + R"(,"b":)" + entry("F32", "[1]", 8, 12) + "}", 12),
                      "4 bytes before tensor 'b' belong to no tensor");
    CHECK_THROWS_WITH(parse(R"({"b":)" + entry("F32", "[1]", 4, 8) + "}", 8), "4 bytes before tensor 'b' belong to no tensor");
  }
  SECTION("past the end") {
    CHECK_THROWS_WITH(parse(R"({"a":)" + entry("F32", "[4]", 0, 16) + "}", 12),
                      "tensor 'a' runs past the end of the file (data_offsets end 16, the data holds 12 bytes)");
    CHECK_THROWS_WITH(parse(R"({"a":)" + entry("U8", "[18446744073709551615]", 0, 18446744073709551615ull) + "}", 12),
                      Contains("runs past the end of the file"));
  }
  SECTION("unclaimed bytes at the end") {
    CHECK_THROWS_WITH(parse(R"({"a":)" + entry("F32", "[1]", 0, 4) + "}", 9), "5 bytes after the last tensor belong to no tensor");
  }
}
