// See pretrained_loader.h.
#include "formats/pretrained_loader.h"

#include <algorithm>

namespace embplay {

PretrainedLoader::PretrainedLoader(const SafetensorsHeader& header, const PretrainedLayout& layout) {
  if (layout.token_table.empty()) throw SafetensorsError("no token table chosen");
  token_info_ = header.require(layout.token_table);
  check_tensor_readable(token_info_);
  if (!layout.position_table.empty()) {
    position_info_ = header.require(layout.position_table);
    check_tensor_readable(*position_info_);
  }
  tokens_ = std::make_unique<TensorReader>(token_info_);
  if (position_info_) positions_ = std::make_unique<TensorReader>(*position_info_);
  total_ = token_info_.bytes() + (position_info_ ? position_info_->bytes() : 0);
}

TensorReader* PretrainedLoader::current() noexcept {
  if (tokens_ && !tokens_->done()) return tokens_.get();
  if (positions_ && !positions_->done()) return positions_.get();
  return nullptr;
}

const TensorReader* PretrainedLoader::current() const noexcept {
  return const_cast<PretrainedLoader*>(this)->current();
}

std::optional<ByteRange> PretrainedLoader::next_range(std::uint64_t max_bytes) const {
  const TensorReader* r = current();
  if (!r) return std::nullopt;
  const SafetensorsTensor& info = r == tokens_.get() ? token_info_ : *position_info_;
  const std::uint64_t begin = info.begin + r->bytes_read();
  return ByteRange{begin, begin + std::min(std::max<std::uint64_t>(max_bytes, 1), info.end - begin)};
}

void PretrainedLoader::append(std::string_view bytes) {
  TensorReader* r = current();
  if (!r) throw SafetensorsError("both tables are read already");
  r->append(bytes);
}

std::uint64_t PretrainedLoader::bytes_read() const noexcept {
  return (tokens_ ? tokens_->bytes_read() : token_info_.bytes()) +
         (positions_ ? positions_->bytes_read() : (position_info_ ? position_info_->bytes() : 0));
}

bool PretrainedLoader::done() const noexcept { return current() == nullptr; }

PretrainedTables PretrainedLoader::finish() {
  if (!tokens_) throw SafetensorsError("the tables were taken already");
  if (!done())
    throw SafetensorsError("read " + std::to_string(bytes_read()) + " of the tables' " + std::to_string(total_) + " bytes");
  PretrainedTables t{tokens_->finish(), positions_ ? positions_->finish() : RowMatrix()};
  tokens_.reset();
  positions_.reset();
  return t;
}

}  // namespace embplay
