// See gpt2_merge.h. Ranks are token ids, so "the lowest rank" is the smallest merged id.
#include "gpt2/gpt2_merge.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>

namespace embplay {
namespace {

constexpr std::int32_t kNoMerge = std::numeric_limits<std::int32_t>::max();

std::int32_t merged_or_max(const Gpt2Ranks& ranks, std::int32_t left, std::int32_t right) noexcept {
  const std::int32_t m = ranks.merge(left, right);
  return m == Gpt2Ranks::kNone ? kNoMerge : m;
}

// A candidate merge in the heap: (merged token << 32) | first byte of the left part, so the
// smallest key is the lowest rank, then the leftmost. 8 bytes, so a huge piece stays affordable.
std::uint64_t candidate(std::int32_t merged, std::uint32_t left) noexcept {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(merged)) << 32) | left;
}

}  // namespace

void gpt2_merge_scan(const Gpt2Ranks& ranks, std::string_view piece, std::vector<Gpt2Part>& out) {
  if (piece.empty()) return;
  const std::size_t first = out.size();
  for (std::size_t i = 0; i < piece.size(); ++i) {
    out.push_back({static_cast<std::uint32_t>(i), ranks.byte_rank(static_cast<std::uint8_t>(piece[i]))});
  }
  // pair[i]: the token that merging parts i and i+1 would make, or kNoMerge.
  Gpt2Part* parts = out.data() + first;
  std::size_t n = piece.size();
  std::int32_t small[kGpt2HeapThreshold];  // no allocation for the pieces this method is meant for
  std::vector<std::int32_t> large;
  std::int32_t* pair = small;
  if (n > kGpt2HeapThreshold) {
    large.resize(n);
    pair = large.data();
  }
  pair[n - 1] = kNoMerge;
  for (std::size_t i = 0; i + 1 < n; ++i) pair[i] = merged_or_max(ranks, parts[i].id, parts[i + 1].id);
  while (n > 1) {
    std::size_t best = 0;
    for (std::size_t i = 1; i + 1 < n; ++i) {
      if (pair[i] < pair[best]) best = i;
    }
    if (pair[best] == kNoMerge) break;
    parts[best].id = pair[best];
    std::copy(parts + best + 2, parts + n, parts + best + 1);
    std::copy(pair + best + 2, pair + n, pair + best + 1);
    --n;
    pair[best] = best + 1 < n ? merged_or_max(ranks, parts[best].id, parts[best + 1].id) : kNoMerge;
    if (best > 0) pair[best - 1] = merged_or_max(ranks, parts[best - 1].id, parts[best].id);
  }
  out.resize(first + n);
}

void gpt2_merge_heap(const Gpt2Ranks& ranks, std::string_view piece, std::vector<Gpt2Part>& out) {
  const auto n = static_cast<std::uint32_t>(piece.size());
  // Parts form a linked list named by their first byte; a merged-away part has id kNone.
  struct Node {
    std::int32_t id;
    std::uint32_t next;
    std::uint32_t prev;
  };
  std::vector<Node> node(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    node[i] = {ranks.byte_rank(static_cast<std::uint8_t>(piece[i])), i + 1, i - 1};  // prev of 0 is never read
  }
  // The first candidates are heapified in one O(n) pass rather than pushed one by one.
  std::vector<std::uint64_t> first;
  first.reserve(n);
  for (std::uint32_t i = 0; i + 1 < n; ++i) {
    const std::int32_t m = ranks.merge(node[i].id, node[i + 1].id);
    if (m != Gpt2Ranks::kNone) first.push_back(candidate(m, i));
  }
  std::priority_queue<std::uint64_t, std::vector<std::uint64_t>, std::greater<std::uint64_t>> heap(
      std::greater<std::uint64_t>(), std::move(first));
  const auto consider = [&](std::uint32_t left) {
    const std::int32_t m = ranks.merge(node[left].id, node[node[left].next].id);
    if (m != Gpt2Ranks::kNone) heap.push(candidate(m, left));
  };
  while (!heap.empty()) {
    const std::int32_t merged = static_cast<std::int32_t>(heap.top() >> 32);
    const auto left = static_cast<std::uint32_t>(heap.top());
    heap.pop();
    // Stale unless the pair now starting at `left` still makes `merged` (then it is current:
    // same rank, same position).
    Node& l = node[left];
    if (l.id == Gpt2Ranks::kNone || l.next >= n || ranks.merge(l.id, node[l.next].id) != merged) continue;
    Node& r = node[l.next];
    l.id = merged;
    r.id = Gpt2Ranks::kNone;
    l.next = r.next;
    if (l.next < n) {
      node[l.next].prev = left;
      consider(left);
    }
    if (left > 0) consider(l.prev);
  }
  for (std::uint32_t i = 0; i < n; i = node[i].next) out.push_back({i, node[i].id});
}

void gpt2_merge_piece(const Gpt2Ranks& ranks, std::string_view piece, std::vector<Gpt2Part>& out) {
  if (piece.size() > kGpt2HeapThreshold) {
    gpt2_merge_heap(ranks, piece, out);
  } else {
    gpt2_merge_scan(ranks, piece, out);
  }
}

}  // namespace embplay
