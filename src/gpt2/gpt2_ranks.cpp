// See gpt2_ranks.h.
#include "gpt2/gpt2_ranks.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace embplay {
namespace {

constexpr char kMagic[8] = {'E', 'M', 'B', 'P', 'R', 'N', 'K', '1'};
constexpr std::uint32_t kMaxTokens = 1u << 24;  // ids must fit a float32 and a JS typed array

// SplitMix64's finaliser: every output bit depends on every input bit.
std::uint64_t mix(std::uint64_t x) noexcept {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// A fast hash for short byte strings (tokens are at most a few dozen bytes).
std::uint64_t hash_bytes(const char* p, std::size_t n) noexcept {
  std::uint64_t h = 0x9e3779b97f4a7c15ull * (n + 1);
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = mix(h ^ w);
  }
  if (n >= 4) {  // two overlapping 4-byte reads
    std::uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    h ^= (static_cast<std::uint64_t>(a) << 32) | b;
  } else if (n > 0) {
    const auto u = [&](std::size_t i) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])); };
    h ^= u(0) | (u(n / 2) << 8) | (u(n - 1) << 16);
  }
  return mix(h);
}

std::uint64_t hash_pair(std::int32_t left, std::int32_t right) noexcept {
  return mix((static_cast<std::uint64_t>(static_cast<std::uint32_t>(left)) << 32) | static_cast<std::uint32_t>(right));
}

std::size_t table_capacity(std::size_t entries) {
  std::size_t capacity = 16;
  while (capacity < entries * 2) capacity *= 2;
  return capacity;
}

// Sequential little-endian reader that checks every read against the end of the asset.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  std::string_view take(std::size_t n) {
    if (n > data_.size() - pos_) throw std::invalid_argument("GPT-2 ranks asset is truncated");
    const std::string_view out = data_.substr(pos_, n);
    pos_ += n;
    return out;
  }
  std::uint32_t u32() {
    const std::string_view b = take(4);
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[i]);
    return v;
  }
  std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
  std::size_t left() const noexcept { return data_.size() - pos_; }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

}  // namespace

Gpt2Ranks::Gpt2Ranks(std::string_view asset) {
  Reader in(asset);
  if (asset.size() < sizeof kMagic || std::memcmp(asset.data(), kMagic, sizeof kMagic) != 0) {
    throw std::invalid_argument("not a GPT-2 ranks asset (missing EMBPRNK1 header)");
  }
  in.take(sizeof kMagic);
  const std::uint32_t count = in.u32();
  const std::uint32_t special_count = in.u32();
  if (count < 256 || count > kMaxTokens) {
    throw std::invalid_argument("GPT-2 ranks asset: token count must be 256.." + std::to_string(kMaxTokens) + ", got " +
                                std::to_string(count));
  }
  if (special_count > 1024) throw std::invalid_argument("GPT-2 ranks asset: too many special tokens");
  if (in.left() < count + 5ull * special_count) throw std::invalid_argument("GPT-2 ranks asset is truncated");

  const std::string_view length_bytes = in.take(count);
  lengths_.assign(length_bytes.begin(), length_bytes.end());
  offsets_.resize(count);
  std::uint64_t total = 0;
  for (std::uint32_t r = 0; r < count; ++r) {
    if (lengths_[r] == 0) throw std::invalid_argument("GPT-2 ranks asset: empty token at rank " + std::to_string(r));
    offsets_[r] = static_cast<std::uint32_t>(total);
    total += lengths_[r];
    if (lengths_[r] > max_length_) max_length_ = lengths_[r];
  }
  for (std::uint32_t s = 0; s < special_count; ++s) {
    const std::uint32_t id = in.u32();
    const std::uint32_t length = in.u8();
    if (length == 0) throw std::invalid_argument("GPT-2 ranks asset: empty special token");
    if (id < count || id >= kMaxTokens) throw std::invalid_argument("GPT-2 ranks asset: bad special token id " + std::to_string(id));
    for (const auto& other : specials_) {
      if (other.id == static_cast<std::int32_t>(id)) throw std::invalid_argument("GPT-2 ranks asset: duplicate special token id");
    }
    specials_.push_back({static_cast<std::int32_t>(id), static_cast<std::uint32_t>(total), length});
    total += length;
  }
  if (in.left() != total) {
    throw std::invalid_argument("GPT-2 ranks asset: expected " + std::to_string(total) + " token bytes, found " +
                                std::to_string(in.left()));
  }
  bytes_.assign(in.take(total));
  build_rank_table();
  build_pair_table();
}

void Gpt2Ranks::build_rank_table() {
  const std::size_t capacity = table_capacity(token_count());
  rank_slots_.assign(capacity, {0, kNone, 0, 0});
  rank_mask_ = capacity - 1;
  for (std::int32_t r = 0; r < static_cast<std::int32_t>(token_count()); ++r) {
    const std::string_view token = ordinary_bytes(r);
    if (rank_of(token) != kNone) {
      throw std::invalid_argument("GPT-2 ranks asset: token at rank " + std::to_string(r) + " repeats an earlier token");
    }
    const std::uint64_t h = hash_bytes(token.data(), token.size());
    std::size_t slot = h & rank_mask_;
    while (rank_slots_[slot].rank != kNone) slot = (slot + 1) & rank_mask_;
    rank_slots_[slot] = {static_cast<std::uint32_t>(h >> 32), r, offsets_[r], lengths_[r]};
  }
  for (int b = 0; b < 256; ++b) {
    const char byte = static_cast<char>(b);
    byte_ranks_[b] = rank_of(std::string_view(&byte, 1));
    if (byte_ranks_[b] == kNone) {
      throw std::invalid_argument("GPT-2 ranks asset: byte " + std::to_string(b) + " has no token of its own");
    }
  }
}

// Every split of every token into two tokens, so that merging two parts is one lookup.
void Gpt2Ranks::build_pair_table() {
  std::vector<PairSlot> pairs;
  for (std::int32_t r = 0; r < static_cast<std::int32_t>(token_count()); ++r) {
    const std::string_view token = ordinary_bytes(r);
    for (std::size_t k = 1; k < token.size(); ++k) {
      const std::int32_t left = rank_of(token.substr(0, k));
      if (left == kNone) continue;
      const std::int32_t right = rank_of(token.substr(k));
      if (right != kNone) pairs.push_back({left, right, r});
    }
  }
  const std::size_t capacity = table_capacity(pairs.size());
  pair_slots_.assign(capacity, {kNone, kNone, kNone});
  pair_mask_ = capacity - 1;
  for (const PairSlot& p : pairs) pair_slots_[pair_slot(p.left, p.right)] = p;
}

std::size_t Gpt2Ranks::pair_slot(std::int32_t left, std::int32_t right) const noexcept {
  std::size_t slot = hash_pair(left, right) & pair_mask_;
  for (;;) {
    const PairSlot& s = pair_slots_[slot];
    if (s.merged == kNone || (s.left == left && s.right == right)) return slot;
    slot = (slot + 1) & pair_mask_;
  }
}

std::int32_t Gpt2Ranks::merge(std::int32_t left, std::int32_t right) const noexcept {
  return pair_slots_[pair_slot(left, right)].merged;
}

std::int32_t Gpt2Ranks::rank_of(std::string_view bytes) const noexcept {
  if (bytes.empty() || bytes.size() > max_length_) return kNone;
  const std::uint64_t h = hash_bytes(bytes.data(), bytes.size());
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  for (std::size_t slot = h & rank_mask_;; slot = (slot + 1) & rank_mask_) {
    const RankSlot& s = rank_slots_[slot];
    if (s.rank == kNone) return kNone;
    if (s.tag == tag && s.length == bytes.size() && std::memcmp(bytes_.data() + s.offset, bytes.data(), bytes.size()) == 0) {
      return s.rank;
    }
  }
}

std::size_t Gpt2Ranks::vocab_size() const noexcept {
  std::size_t size = token_count();
  for (const auto& s : specials_) size = std::max(size, static_cast<std::size_t>(s.id) + 1);
  return size;
}

bool Gpt2Ranks::is_special(std::int32_t id) const noexcept {
  for (const auto& s : specials_) {
    if (s.id == id) return true;
  }
  return false;
}

std::string_view Gpt2Ranks::token_bytes(std::int32_t id) const {
  if (id >= 0 && static_cast<std::size_t>(id) < token_count()) return ordinary_bytes(id);
  for (const auto& s : specials_) {
    if (s.id == id) return std::string_view(bytes_).substr(s.offset, s.length);
  }
  throw std::invalid_argument("token id " + std::to_string(id) + " is not in the GPT-2 vocabulary (0.." +
                          std::to_string(vocab_size() - 1) + ")");
}

std::string make_gpt2_ranks_asset(const std::vector<std::string>& tokens,
                                  const std::vector<std::pair<std::int32_t, std::string>>& specials) {
  std::string out(kMagic, sizeof kMagic);
  put_u32(out, static_cast<std::uint32_t>(tokens.size()));
  put_u32(out, static_cast<std::uint32_t>(specials.size()));
  for (const auto& t : tokens) {
    if (t.empty() || t.size() > 255) throw std::invalid_argument("token length must be 1..255 bytes");
    out += static_cast<char>(t.size());
  }
  for (const auto& [id, text] : specials) {
    if (text.empty() || text.size() > 255) throw std::invalid_argument("special token length must be 1..255 bytes");
    put_u32(out, static_cast<std::uint32_t>(id));
    out += static_cast<char>(text.size());
  }
  for (const auto& t : tokens) out += t;
  for (const auto& s : specials) out += s.second;
  return out;
}

}  // namespace embplay
