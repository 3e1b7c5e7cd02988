// Tests for safetensors_tensor.h: F32, F16 and BF16 tensors holding the same numbers read as
// the same float32 rows, in one piece or in slices that split elements; other dtypes, shapes
// and short or long ranges are refused by name.
#include <catch2/catch.hpp>

#include <cstring>

#include "formats/safetensors_tensor.h"
#include "safetensors_bytes.h"

using namespace embplay;
using Catch::Matchers::Contains;

namespace {

// Values exactly representable in binary16 and bfloat16 alike (8 significant bits or fewer).
const float kValues[] = {1.0f, -2.0f, 0.5f, 3.25f, -0.015625f, 96.0f};

std::string encode(const std::string& dtype) {
  std::string out;
  for (float v : kValues) {
    std::uint32_t b;
    std::memcpy(&b, &v, 4);
    std::uint16_t h = 0;
    if (dtype == "F32") {
      for (int i = 0; i < 4; ++i) out += static_cast<char>((b >> (8 * i)) & 0xFF);
      continue;
    }
    if (dtype == "BF16") h = static_cast<std::uint16_t>(b >> 16);
    if (dtype == "F16") {  // normal values only: rebias 127 -> 15, keep the top 10 fraction bits
      const auto e = static_cast<int>((b >> 23) & 0xFF) - 127 + 15;
      h = static_cast<std::uint16_t>(((b >> 16) & 0x8000) | (e << 10) | ((b >> 13) & 0x3FF));
    }
    out += static_cast<char>(h & 0xFF);
    out += static_cast<char>(h >> 8);
  }
  return out;
}

SafetensorsTensor tensor(const std::string& dtype, std::vector<std::uint64_t> shape) {
  SafetensorsTensor t;
  t.name = "w";
  t.dtype = dtype;
  t.dtype_bytes = safetensors_dtype_bytes(dtype);
  t.shape = std::move(shape);
  t.begin = 100;
  t.end = 100 + t.elements() * t.dtype_bytes;
  return t;
}

}  // namespace

TEST_CASE("safetensors tensor: F32, F16, BF16 give the same rows", "[safetensors]") {
  for (const char* dtype : {"F32", "F16", "BF16"}) {
    INFO(dtype);
    const RowMatrix m = read_tensor(encode(dtype), tensor(dtype, {2, 3}));
    REQUIRE(m.rows() == 2);
    REQUIRE(m.cols() == 3);
    for (int i = 0; i < 6; ++i) CHECK(m.data()[i] == kValues[i]);
    CHECK(m(1, 0) == 3.25f);  // row-major
    const RowMatrix row = read_tensor(encode(dtype), tensor(dtype, {6}));
    CHECK(row.rows() == 1);
    CHECK(row(0, 5) == 96.0f);
  }
}

TEST_CASE("safetensors tensor: slices of any size, elements split across them", "[safetensors]") {
  for (const char* dtype : {"F32", "F16", "BF16"}) {
    const std::string bytes = encode(dtype);
    for (std::size_t slice : {1, 3, 5, 7, 100}) {
      INFO(dtype << " in slices of " << slice);
      TensorReader reader(tensor(dtype, {3, 2}));
      CHECK(reader.bytes_total() == bytes.size());
      for (std::size_t at = 0; at < bytes.size(); at += slice) {
        CHECK_FALSE(reader.done());
        reader.append(std::string_view(bytes).substr(at, slice));
        CHECK(reader.bytes_read() == std::min(bytes.size(), at + slice));
      }
      CHECK(reader.done());
      const RowMatrix m = reader.finish();
      for (int i = 0; i < 6; ++i) CHECK(m.data()[i] == kValues[i]);
    }
  }
}

TEST_CASE("safetensors tensor: what is not read is refused by name", "[safetensors]") {
  CHECK_THROWS_WITH(TensorReader(tensor("I8", {2, 3})), "tensor 'w' has dtype I8, which is not read (F32, F16 and BF16 are)");
  CHECK_THROWS_WITH(TensorReader(tensor("F64", {2, 3})), Contains("has dtype F64, which is not read"));
  CHECK_THROWS_WITH(TensorReader(tensor("F32", {2, 3, 1})), "tensor 'w' has shape [2, 3, 1]: only 1-D and 2-D tensors are read");
  CHECK_THROWS_WITH(TensorReader(tensor("F32", {})), Contains("only 1-D and 2-D tensors are read"));
  CHECK_THROWS_WITH(TensorReader(tensor("F32", {0, 3})), "tensor 'w' is empty (shape [0, 3])");
  CHECK_THROWS_WITH(TensorReader(tensor("BF16", {1u << 15, 1u << 14})), "tensor 'w' has 536870912 values, over the limit of 268435456");
  const std::string bytes = encode("F32");
  CHECK_THROWS_WITH(read_tensor(bytes.substr(4), tensor("F32", {2, 3})), "tensor 'w': got 20 bytes, its range holds 24");
  TensorReader reader(tensor("F32", {2, 3}));
  reader.append(bytes.substr(0, 10));
  CHECK_THROWS_WITH(reader.finish(), "tensor 'w': read 10 of its 24 bytes");
  CHECK_THROWS_WITH(reader.append(bytes), "tensor 'w': more bytes than its 24 (data_offsets)");
  SafetensorsTensor odd = tensor("F32", {2, 3, 1});
  odd.name = "a\nb";
  CHECK_THROWS_WITH(TensorReader(odd), "tensor 'a\\nb' has shape [2, 3, 1]: only 1-D and 2-D tensors are read");
}
