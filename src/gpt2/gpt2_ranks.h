// A byte-level BPE vocabulary given as merge ranks (tiktoken's format: token bytes -> rank,
// a lower rank merges first, the rank is also the token id), loaded from a compact asset.
//
// Asset format ("gpt2-ranks.bin", written by src/gpt2/convert_ranks.mjs), little-endian:
//   8 bytes  magic "EMBPRNK1"
//   u32      token_count   ordinary tokens; their ranks are 0 .. token_count-1, in file order
//   u32      special_count special tokens such as <|endoftext|>
//   u8       length[token_count]           bytes of each ordinary token (1..255)
//   special_count x (u32 id, u8 length)    ids >= token_count
//   bytes    the ordinary tokens' bytes concatenated in rank order, then the special tokens'
// For r50k_base this is 50,256 + 1 tokens in about 370 KB.
//
// Besides bytes -> rank, the vocabulary keeps every way of writing a token as two tokens,
// (left id, right id) -> merged id, so BPE can merge parts without hashing their bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace embplay {

class Gpt2Ranks {
 public:
  static constexpr std::int32_t kNone = -1;

  // Parses and checks an asset; throws std::invalid_argument naming what is wrong.
  explicit Gpt2Ranks(std::string_view asset);

  std::size_t token_count() const noexcept { return lengths_.size(); }  // ordinary tokens
  std::size_t vocab_size() const noexcept;                                 // + special tokens
  std::size_t max_token_length() const noexcept { return max_length_; }

  // The rank of a byte string, or kNone.
  std::int32_t rank_of(std::string_view bytes) const noexcept;
  // The rank of the one-byte token for `byte` (every byte has one).
  std::int32_t byte_rank(std::uint8_t byte) const noexcept { return byte_ranks_[byte]; }
  // The token whose bytes are bytes(left) + bytes(right), or kNone.
  std::int32_t merge(std::int32_t left, std::int32_t right) const noexcept;

  // Bytes of an ordinary or special token; throws std::invalid_argument for unknown ids.
  std::string_view token_bytes(std::int32_t id) const;
  bool is_special(std::int32_t id) const noexcept;

 private:
  struct Special {
    std::int32_t id;
    std::uint32_t offset;
    std::uint32_t length;
  };
  // One entry of the bytes -> rank table; everything a lookup needs sits in one slot.
  struct RankSlot {
    std::uint32_t tag;     // high bits of the hash, to skip most byte comparisons
    std::int32_t rank;     // kNone: empty slot
    std::uint32_t offset;  // of the token's bytes in bytes_
    std::uint32_t length;
  };
  struct PairSlot {
    std::int32_t left;
    std::int32_t right;
    std::int32_t merged;  // kNone: empty slot
  };

  std::string_view ordinary_bytes(std::int32_t rank) const noexcept {
    return std::string_view(bytes_).substr(offsets_[rank], lengths_[rank]);
  }
  void build_rank_table();
  void build_pair_table();
  std::size_t pair_slot(std::int32_t left, std::int32_t right) const noexcept;

  std::string bytes_;
  std::vector<std::uint32_t> offsets_;
  std::vector<std::uint8_t> lengths_;
  std::vector<Special> specials_;
  std::size_t max_length_ = 0;
  std::int32_t byte_ranks_[256];
  // Open addressing with linear probing, capacities powers of two, load factor below 1/2.
  std::vector<RankSlot> rank_slots_;
  std::vector<PairSlot> pair_slots_;
  std::size_t rank_mask_ = 0;
  std::size_t pair_mask_ = 0;
};

// Builds an asset from token byte strings (rank = index) and special tokens (id, bytes):
// what convert_ranks.mjs writes, for tests and small examples.
std::string make_gpt2_ranks_asset(const std::vector<std::string>& tokens,
                                  const std::vector<std::pair<std::int32_t, std::string>>& specials = {});

}  // namespace embplay
