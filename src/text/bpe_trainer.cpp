// See bpe_trainer.h.
#include "text/bpe_trainer.h"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "text/utf8.h"

namespace embplay {

std::size_t bpe_chunk_end(std::string_view word, std::size_t pos) noexcept {
  for (std::size_t n = 0; n < kBpeChunkLength && pos < word.size(); ++n) pos += decode_utf8(word, pos).length;
  return pos;
}

std::vector<WordCount> count_words(const TokenSequence& words) {
  std::unordered_map<std::string_view, std::size_t> index;
  std::vector<WordCount> counts;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words.text(i);
    for (std::size_t pos = 0; pos < word.size();) {
      // A word of at most kBpeChunkLength bytes has at most as many code points: one chunk.
      const std::size_t end = word.size() <= kBpeChunkLength ? word.size() : bpe_chunk_end(word, pos);
      const std::string_view chunk = word.substr(pos, end - pos);
      auto [it, inserted] = index.try_emplace(chunk, counts.size());
      if (inserted) counts.push_back({std::string(chunk), 0});
      ++counts[it->second].count;
      pos = end;
    }
  }
  return counts;
}

namespace {

using SymbolId = std::uint32_t;
using PairKey = std::uint64_t;
constexpr std::uint32_t kNone = 0xFFFFFFFFu;  // no symbol: absorbed by a merge, or past a word's end

PairKey pair_key(SymbolId left, SymbolId right) { return (PairKey{left} << 32) | right; }
SymbolId left_of(PairKey pair) { return static_cast<SymbolId>(pair >> 32); }
SymbolId right_of(PairKey pair) { return static_cast<SymbolId>(pair & 0xFFFFFFFFu); }

constexpr std::size_t kPrefetchDistance = 16;
inline void prefetch(const void* address) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(address);
#else
  (void)address;
#endif
}

struct QueueEntry {
  std::uint64_t count;  // the pair's count when pushed: an upper bound of its current count
  PairKey pair;
};

// What is known of one pair of adjacent symbols. `positions` are those of the pair's left symbol,
// ascending; some may be stale (a merge has taken one of the two symbols there).
struct PairStats {
  std::uint64_t count = 0;  // 0: the pair does not occur (any more)
  std::vector<std::uint32_t> positions;
  std::uint32_t gained_in = 0;  // the last merge (1-based) that added to this pair
};

// PairKey -> PairStats, open addressing with linear probing in one flat array: a lookup costs about
// one cache miss where std::unordered_map costs several, and lookups are most of the trainer's
// work. Pairs are never removed (one that stops occurring keeps count 0), so no tombstones.
class PairTable {
 public:
  PairTable() : slots_(kInitialSlots) {}

  PairStats* find(PairKey key) {
    Slot& slot = slots_[probe(key)];
    return slot.key == key ? &slot.stats : nullptr;
  }

  // The entry for `key`, added with count 0 if missing. Valid until the next call that adds.
  PairStats& operator[](PairKey key) {
    std::size_t i = probe(key);
    if (slots_[i].key != key) {
      if (++size_ * 2 > slots_.size()) {
        grow();
        i = probe(key);
      }
      slots_[i].key = key;
    }
    return slots_[i].stats;
  }

  template <class Visit>
  void for_each(const Visit& visit) const {
    for (const Slot& slot : slots_)
      if (slot.key != kEmpty) visit(slot.key, slot.stats);
  }

 private:
  static constexpr PairKey kEmpty = ~PairKey{0};  // (kNone, kNone) is never a pair
  static constexpr std::size_t kInitialSlots = 1024;
  struct Slot {
    PairKey key = kEmpty;
    PairStats stats;
  };

  // The slot holding `key`, or the empty slot where it would go.
  std::size_t probe(PairKey key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    while (slots_[i].key != key && slots_[i].key != kEmpty) i = (i + 1) & mask;
    return i;
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (Slot& slot : old)
      if (slot.key != kEmpty) slots_[probe(slot.key)] = std::move(slot);
  }

  std::vector<Slot> slots_;  // size is a power of two, at most half full
  std::size_t size_ = 0;
};

// The state of one training run. The distinct words lie back to back in one array of nodes, one
// per position; each holds a symbol and links to its neighbours in the same word, so merging two
// symbols is O(1) and never moves the others.
class BpeTrainer {
 public:
  explicit BpeTrainer(const std::vector<WordCount>& words);
  std::vector<BpeMerge> learn(int n_merges);

 private:
  struct Node {
    SymbolId symbol;     // kNone once absorbed into its left neighbour
    std::uint32_t prev;  // kNone at the start of a word
    std::uint32_t next;  // kNone at the end of a word
  };
  SymbolId code_point_symbol(char32_t cp);
  SymbolId merged_symbol(SymbolId left, SymbolId right);
  void add_word(const WordCount& word);
  std::uint64_t word_count_at(std::uint32_t pos) const;
  PairStats& add_pair(PairKey pair, std::uint64_t amount, std::uint32_t pos);
  void gain_pair(PairKey pair, std::uint64_t amount, std::uint32_t pos);
  void remove_pair(PairKey pair, std::uint64_t amount);
  bool higher_priority(const QueueEntry& a, const QueueEntry& b) const;
  void push(PairKey pair);
  bool pop_best(QueueEntry& best);
  void merge(PairKey pair, SymbolId merged);
  void merge_at(std::uint32_t pos, SymbolId merged);

  std::vector<std::string> symbols_;
  std::unordered_map<char32_t, SymbolId> code_point_ids_;
  std::unordered_map<std::string, SymbolId> merged_ids_;  // strings of two or more code points

  std::vector<Node> nodes_;
  std::vector<std::uint32_t> word_begin_;  // first position of each word, ascending
  std::vector<std::uint64_t> word_count_;

  PairTable pairs_;
  std::vector<QueueEntry> queue_;       // heap; stale entries are skipped on pop
  std::uint32_t merge_number_ = 0;      // 1-based number of the merge under way
  std::vector<PairKey> gained_pairs_;   // pairs the current merge added to, each once
};

BpeTrainer::BpeTrainer(const std::vector<WordCount>& words) {
  std::size_t code_points = 0;  // about: bytes that do not continue a UTF-8 sequence
  for (const auto& word : words)
    for (char byte : word.word) code_points += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
  nodes_.reserve(code_points);
  for (const auto& word : words) add_word(word);
  pairs_.for_each([this](PairKey pair, const PairStats& stats) { queue_.push_back({stats.count, pair}); });
  std::make_heap(queue_.begin(), queue_.end(),
                 [this](const QueueEntry& a, const QueueEntry& b) { return higher_priority(b, a); });
}

SymbolId BpeTrainer::code_point_symbol(char32_t cp) {
  auto [it, inserted] = code_point_ids_.try_emplace(cp, static_cast<SymbolId>(symbols_.size()));
  if (inserted) {
    symbols_.emplace_back();
    append_utf8(symbols_.back(), cp);
  }
  return it->second;
}

// Equal strings are one symbol, whichever merges built them ("ab"+"c" and "a"+"bc").
SymbolId BpeTrainer::merged_symbol(SymbolId left, SymbolId right) {
  std::string text = symbols_[left] + symbols_[right];
  auto [it, inserted] = merged_ids_.try_emplace(text, static_cast<SymbolId>(symbols_.size()));
  if (inserted) symbols_.push_back(std::move(text));
  return it->second;
}

void BpeTrainer::add_word(const WordCount& word) {
  const auto begin = static_cast<std::uint32_t>(nodes_.size());
  for (std::size_t pos = 0; pos < word.word.size();) {
    const DecodedChar c = decode_utf8(word.word, pos);
    const auto i = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back({code_point_symbol(c.cp), i == begin ? kNone : i - 1, i + 1});
    pos += c.length;
  }
  const auto end = static_cast<std::uint32_t>(nodes_.size());
  if (end - begin < 2 || word.count == 0) {  // no pairs: nothing to learn from this word
    nodes_.resize(begin);
    return;
  }
  nodes_.back().next = kNone;
  word_begin_.push_back(begin);
  word_count_.push_back(word.count);
  for (std::uint32_t i = begin; i + 1 < end; ++i)
    add_pair(pair_key(nodes_[i].symbol, nodes_[i + 1].symbol), word.count, i);
}

std::uint64_t BpeTrainer::word_count_at(std::uint32_t pos) const {
  const auto it = std::upper_bound(word_begin_.begin(), word_begin_.end(), pos);
  return word_count_[static_cast<std::size_t>(it - word_begin_.begin()) - 1];
}

PairStats& BpeTrainer::add_pair(PairKey pair, std::uint64_t amount, std::uint32_t pos) {
  PairStats& stats = pairs_[pair];
  stats.count += amount;
  stats.positions.push_back(pos);
  return stats;
}

// add_pair during a merge, also noting the pair (once) so merge() can queue its new count.
void BpeTrainer::gain_pair(PairKey pair, std::uint64_t amount, std::uint32_t pos) {
  PairStats& stats = add_pair(pair, amount, pos);
  if (stats.gained_in == merge_number_) return;
  stats.gained_in = merge_number_;
  gained_pairs_.push_back(pair);
}

void BpeTrainer::remove_pair(PairKey pair, std::uint64_t amount) {
  PairStats* stats = pairs_.find(pair);
  if (stats == nullptr || stats->count == 0) return;
  if (stats->count <= amount) {
    *stats = PairStats{};  // gone: free its positions
  } else {
    stats->count -= amount;
  }
}

// Higher count first; ties to the smaller left symbol, then the smaller right symbol.
bool BpeTrainer::higher_priority(const QueueEntry& a, const QueueEntry& b) const {
  if (a.count != b.count) return a.count > b.count;
  const int left = symbols_[left_of(a.pair)].compare(symbols_[left_of(b.pair)]);
  if (left != 0) return left < 0;
  return symbols_[right_of(a.pair)] < symbols_[right_of(b.pair)];
}

void BpeTrainer::push(PairKey pair) {
  const PairStats* stats = pairs_.find(pair);
  if (stats == nullptr || stats->count == 0) return;
  queue_.push_back({stats->count, pair});
  std::push_heap(queue_.begin(), queue_.end(),
                 [this](const QueueEntry& a, const QueueEntry& b) { return higher_priority(b, a); });
}

// Lazy deletion: an entry whose count is out of date is re-pushed with the current count. A pair
// only gains occurrences in the merge that creates one of its symbols, and merge() pushes those
// pairs afterwards, so every pair has an entry at least as high as its count, and the first
// up-to-date entry popped is the true best.
bool BpeTrainer::pop_best(QueueEntry& best) {
  const auto lower = [this](const QueueEntry& a, const QueueEntry& b) { return higher_priority(b, a); };
  while (!queue_.empty()) {
    std::pop_heap(queue_.begin(), queue_.end(), lower);
    const QueueEntry top = queue_.back();
    queue_.pop_back();
    const PairStats* stats = pairs_.find(top.pair);
    if (stats == nullptr || stats->count == 0) continue;
    if (stats->count == top.count) {
      best = top;
      return top.count >= 2;
    }
    push(top.pair);
  }
  return false;
}

// Merges every occurrence of `pair`, left to right within each word, so overlapping occurrences
// ("a a a" with pair a+a) merge as "aa a".
void BpeTrainer::merge(PairKey pair, SymbolId merged) {
  PairStats& stats = *pairs_.find(pair);
  std::vector<std::uint32_t> positions = std::move(stats.positions);
  stats = PairStats{};  // the pair is gone once merged
  if (!std::is_sorted(positions.begin(), positions.end())) std::sort(positions.begin(), positions.end());
  ++merge_number_;
  gained_pairs_.clear();
  for (std::size_t i = 0; i < positions.size(); ++i) {
    // The positions are far apart and many are stale, so this loop waits on memory: fetch ahead.
    if (i + kPrefetchDistance < positions.size()) prefetch(&nodes_[positions[i + kPrefetchDistance]]);
    const std::uint32_t pos = positions[i];
    const Node& left = nodes_[pos];
    if (left.symbol == left_of(pair) && left.next != kNone && nodes_[left.next].symbol == right_of(pair))
      merge_at(pos, merged);
  }
  for (PairKey gained : gained_pairs_) push(gained);
}

// Joins the symbols at `pos` and the next position (a and b) into `merged`, moving the counts of
// the neighbouring pairs: (prev, a) -> (prev, merged) and (b, next) -> (merged, next).
void BpeTrainer::merge_at(std::uint32_t pos, SymbolId merged) {
  Node& left = nodes_[pos];
  Node& right = nodes_[left.next];
  const std::uint64_t count = word_count_at(pos);
  if (left.prev != kNone) {
    const SymbolId before = nodes_[left.prev].symbol;
    remove_pair(pair_key(before, left.symbol), count);
    gain_pair(pair_key(before, merged), count, left.prev);
  }
  if (right.next != kNone) {
    const SymbolId after = nodes_[right.next].symbol;
    remove_pair(pair_key(right.symbol, after), count);
    gain_pair(pair_key(merged, after), count, pos);
    nodes_[right.next].prev = pos;
  }
  left.symbol = merged;
  left.next = right.next;
  right.symbol = kNone;
}

std::vector<BpeMerge> BpeTrainer::learn(int n_merges) {
  std::vector<BpeMerge> merges;
  QueueEntry best{};
  while (static_cast<int>(merges.size()) < n_merges && pop_best(best)) {
    const SymbolId left = left_of(best.pair);
    const SymbolId right = right_of(best.pair);
    merges.push_back({symbols_[left], symbols_[right], best.count});
    merge(best.pair, merged_symbol(left, right));
  }
  return merges;
}

}  // namespace

std::vector<BpeMerge> learn_bpe(const std::vector<WordCount>& words, int n_merges) {
  if (n_merges < 0 || n_merges > kMaxMerges)
    throw std::invalid_argument("merges must be between 0 and " + std::to_string(kMaxMerges) + ", got " +
                                std::to_string(n_merges));
  if (n_merges == 0) return {};
  return BpeTrainer(words).learn(n_merges);
}

}  // namespace embplay
