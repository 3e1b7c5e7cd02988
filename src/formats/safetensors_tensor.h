// Copies one tensor of a safetensors file out as float32 rows, converting F16 and BF16
// exactly (half_float.h). It is fed the tensor's own byte range, [begin, end) of the file
// (safetensors_header.h), all at once or in slices of any size (a slice may end inside an
// element), so the page can read a 155 MB table 8 MB at a time with File.slice and show
// determinate progress without ever holding the file. Only the tensor asked for is
// allocated, and only once its first bytes arrive: a 2-D tensor [rows, cols] becomes rows x cols, a 1-D tensor [n] one row.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "formats/safetensors_header.h"
#include "transformer/embedding_table.h"

namespace embplay {

// At most 2^28 float32 values (1 GiB) per tensor read: GPT-2 large's token table, 50257 x
// 1280, is 64 M; in the page the WASM memory is the real limit.
inline constexpr std::uint64_t kMaxTensorFloats = std::uint64_t{1} << 28;

// Throws SafetensorsError when the dtype is not F32, F16 or BF16 (naming it), the tensor is not
// 1-D or 2-D, is empty, or has more than kMaxTensorFloats elements; allocates nothing.
void check_tensor_readable(const SafetensorsTensor& tensor);

class TensorReader {
 public:
  // Throws as check_tensor_readable does.
  explicit TensorReader(const SafetensorsTensor& tensor);

  // The next bytes of the tensor's range; throws SafetensorsError past the range's end.
  void append(std::string_view bytes);
  std::uint64_t bytes_read() const noexcept { return read_; }
  std::uint64_t bytes_total() const noexcept { return total_; }
  bool done() const noexcept { return read_ == total_; }
  // The rows; throws SafetensorsError when the range was not read completely.
  RowMatrix finish();

 private:
  void convert(const unsigned char* bytes, std::size_t elements);
  std::string name_;
  std::string dtype_;
  std::size_t element_bytes_;
  std::uint64_t total_;
  std::uint64_t read_ = 0;
  std::size_t next_ = 0;          // next element to write
  unsigned char carry_[4] = {};   // a partial element from the end of the last slice
  std::size_t carried_ = 0;
  Eigen::Index rows_count_ = 0;
  Eigen::Index cols_count_ = 0;
  RowMatrix rows_;                // allocated on the first append
};

// The whole range at once (`bytes` must be exactly the tensor's bytes).
RowMatrix read_tensor(std::string_view bytes, const SafetensorsTensor& tensor);

}  // namespace embplay
