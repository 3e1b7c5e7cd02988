// Reading a model's token table (and position table) from a safetensors file through a caller
// that fetches byte ranges: the page asks next_range(), reads it with File.slice in a worker,
// hands the bytes to append(), and shows fraction() as a determinate progress bar. Only the
// two tables' ranges are ever read; the rest of the file (GPT-2's attention weights, 400 of its
// 548 MB) is never touched. Everything that can be checked from the header is checked in the
// constructor, so a file is refused before any data is read, and nothing is half-loaded.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "formats/pretrained_layout.h"
#include "formats/safetensors_header.h"
#include "formats/safetensors_tensor.h"

namespace embplay {

struct ByteRange {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
};

struct PretrainedTables {
  RowMatrix tokens;
  RowMatrix positions;  // 0 x 0 when the layout has no position table
};

class PretrainedLoader {
 public:
  // Throws SafetensorsError when the layout has no token table or a table cannot be read.
  PretrainedLoader(const SafetensorsHeader& header, const PretrainedLayout& layout);

  // The next bytes of the file to append, at most `max_bytes` (>= 1) of them; nullopt when done.
  std::optional<ByteRange> next_range(std::uint64_t max_bytes) const;
  // Exactly the bytes of the range next_range gave (any length up to it is accepted).
  void append(std::string_view bytes);
  std::uint64_t bytes_read() const noexcept;
  std::uint64_t bytes_total() const noexcept { return total_; }
  double fraction() const noexcept { return total_ ? static_cast<double>(bytes_read()) / static_cast<double>(total_) : 1.0; }
  bool done() const noexcept;
  // Both tables; throws SafetensorsError if not done. The loader is spent afterwards.
  PretrainedTables finish();

 private:
  TensorReader* current() noexcept;
  const TensorReader* current() const noexcept;
  SafetensorsTensor token_info_;
  std::optional<SafetensorsTensor> position_info_;
  std::unique_ptr<TensorReader> tokens_;
  std::unique_ptr<TensorReader> positions_;
  std::uint64_t total_ = 0;
};

}  // namespace embplay
