// Converting a safetensors tensor's bytes (little-endian) to float32 rows; see safetensors_tensor.h.
#include "formats/safetensors_tensor.h"

#include <algorithm>
#include <cstring>

#include "formats/half_float.h"
#include "text/message_quote.h"

namespace embplay {

namespace {

[[noreturn]] void fail(const std::string& what) { throw SafetensorsError(what); }

std::uint16_t u16_le(const unsigned char* p) noexcept { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }

std::uint32_t u32_le(const unsigned char* p) noexcept {
  return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
         (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

}  // namespace

void check_tensor_readable(const SafetensorsTensor& t) {
  const std::string name = "tensor " + quote_for_message(t.name);
  if (!t.float_readable()) fail(name + " has dtype " + t.dtype + ", which is not read (F32, F16 and BF16 are)");
  if (t.shape.empty() || t.shape.size() > 2)
    fail(name + " has shape " + t.shape_text() + ": only 1-D and 2-D tensors are read");
  if (t.elements() == 0) fail(name + " is empty (shape " + t.shape_text() + ")");
  if (t.elements() > kMaxTensorFloats)
    fail(name + " has " + std::to_string(t.elements()) + " values, over the limit of " + std::to_string(kMaxTensorFloats));
}

TensorReader::TensorReader(const SafetensorsTensor& tensor)
    : name_(tensor.name), dtype_(tensor.dtype), element_bytes_(tensor.dtype_bytes), total_(tensor.bytes()) {
  check_tensor_readable(tensor);
  rows_count_ = static_cast<Eigen::Index>(tensor.shape.size() == 2 ? tensor.shape[0] : 1);
  cols_count_ = static_cast<Eigen::Index>(tensor.shape.back());
}

void TensorReader::convert(const unsigned char* p, std::size_t elements) {
  float* out = rows_.data() + next_;
  if (dtype_ == "F32") {
    for (std::size_t i = 0; i < elements; ++i) out[i] = float_from_bits(u32_le(p + 4 * i));
  } else if (dtype_ == "F16") {
    for (std::size_t i = 0; i < elements; ++i) out[i] = f16_to_float(u16_le(p + 2 * i));
  } else {
    for (std::size_t i = 0; i < elements; ++i) out[i] = bf16_to_float(u16_le(p + 2 * i));
  }
  next_ += elements;
}

void TensorReader::append(std::string_view bytes) {
  if (bytes.size() > total_ - read_)
    fail("tensor " + quote_for_message(name_) + ": more bytes than its " + std::to_string(total_) + " (data_offsets)");
  if (rows_.size() == 0) rows_.resize(rows_count_, cols_count_);  // on the first bytes, not before
  read_ += bytes.size();
  auto p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  if (carried_ > 0) {  // complete the element split across slices
    const std::size_t take = std::min(element_bytes_ - carried_, n);
    std::memcpy(carry_ + carried_, p, take);
    carried_ += take;
    p += take;
    n -= take;
    if (carried_ < element_bytes_) return;
    convert(carry_, 1);
    carried_ = 0;
  }
  const std::size_t whole = n / element_bytes_;
  convert(p, whole);
  carried_ = n - whole * element_bytes_;
  std::memcpy(carry_, p + whole * element_bytes_, carried_);
}

RowMatrix TensorReader::finish() {
  if (!done())
    fail("tensor " + quote_for_message(name_) + ": read " + std::to_string(read_) + " of its " + std::to_string(total_) + " bytes");
  return std::move(rows_);
}

RowMatrix read_tensor(std::string_view bytes, const SafetensorsTensor& tensor) {
  TensorReader reader(tensor);
  if (bytes.size() != tensor.bytes())
    fail("tensor " + quote_for_message(tensor.name) + ": got " + std::to_string(bytes.size()) + " bytes, its range holds " +
         std::to_string(tensor.bytes()));
  reader.append(bytes);
  return reader.finish();
}

}  // namespace embplay
