// The header of a safetensors file (Hugging Face's format for model weights; spec:
// https://github.com/huggingface/safetensors#format), read and validated completely before
// any tensor data is touched:
//
//   8 bytes   N, the header length, unsigned little-endian
//   N bytes   a JSON object: {"name": {"dtype": "F32", "shape": [rows, cols],
//             "data_offsets": [begin, end]}, ..., "__metadata__": {"key": "value"}}
//             (starts with '{', may be padded with spaces)
//   the rest  the tensors' bytes, little-endian, row-major; data_offsets count from here
//
// Validation follows the spec and its reference reader: known dtypes only, shape x dtype size
// = the byte range, and the ranges sorted by offset tile the data exactly (no overlap, no gap,
// nothing past the end, no unclaimed bytes at the end: no polyglot files). The functions work
// on byte ranges, so a caller holding a 548 MB file reads the 8-byte prefix, then the header,
// then only the tensors it wants (the page with File.slice, the CLI with seekg).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace embplay {

struct SafetensorsError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// The spec's reference reader accepts headers up to 100,000,000 bytes; real ones are far
// smaller (GPT-2's is 15 KB, a 70B model's shard under 100 KB), and the page holds the whole
// header in memory, so we read at most 16 MiB.
inline constexpr std::uint64_t kSafetensorsMaxHeaderBytes = 16u << 20;

struct SafetensorsTensor {
  std::string name;
  std::string dtype;              // as written: "F32", "F16", "BF16", "I64", ...
  std::size_t dtype_bytes = 0;    // bytes per element
  std::vector<std::uint64_t> shape;
  std::uint64_t begin = 0;        // byte range in the FILE: [begin, end)
  std::uint64_t end = 0;

  std::uint64_t elements() const noexcept;      // product of the shape (1 for a scalar)
  std::uint64_t bytes() const noexcept { return end - begin; }
  bool float_readable() const noexcept;         // F32, F16 or BF16: read_tensor converts it
  std::string shape_text() const;               // "[50257, 768]"
};

struct SafetensorsHeader {
  std::uint64_t file_size = 0;
  std::uint64_t header_length = 0;              // N
  std::uint64_t data_start = 0;                 // 8 + N
  std::vector<SafetensorsTensor> tensors;       // in file order (sorted by offset)
  std::vector<std::pair<std::string, std::string>> metadata;  // __metadata__, as written

  const SafetensorsTensor* find(std::string_view name) const noexcept;
  // Throws SafetensorsError "no tensor 'name' in the file".
  const SafetensorsTensor& require(std::string_view name) const;
};

// Bytes per element of a dtype name the spec defines (BOOL, U8, I8, F8_E5M2, F8_E4M3, I16,
// U16, F16, BF16, I32, U32, F32, F64, I64, U64), or 0 for any other name.
std::size_t safetensors_dtype_bytes(std::string_view dtype) noexcept;

// N from the file's first 8 bytes (`prefix` may be longer); throws SafetensorsError when the
// file is shorter than 8 bytes, N is 0 or over kSafetensorsMaxHeaderBytes, or 8 + N runs past
// `file_size`.
std::uint64_t safetensors_header_length(std::string_view prefix, std::uint64_t file_size);

// Parses and validates the N header bytes (the file's bytes [8, 8 + N)) of a file of
// `file_size` bytes. Throws SafetensorsError (or JsonError) with one line saying what is wrong.
SafetensorsHeader parse_safetensors_header(std::string_view header, std::uint64_t file_size);

// Both steps on a whole file held in memory (tests, small files).
SafetensorsHeader parse_safetensors(std::string_view file);

}  // namespace embplay
