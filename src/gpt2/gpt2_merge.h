// Byte-pair merging of one pre-token piece by merge rank, as tiktoken does it: start from
// one token per byte, then repeatedly merge the adjacent pair whose joined bytes have the
// lowest rank (the leftmost such pair on a tie) until no adjacent pair is a token.
// Sennrich et al. 2016, "Neural Machine Translation of Rare Words with Subword Units".
//
// Two implementations with identical results: a linear scan for the minimum per merge (fast
// for the short pieces of ordinary text, O(n^2) in the piece length n) and a binary heap over
// a linked list of parts (O(n log n)) for long pieces, so that a 100,000-character "word"
// stays fast. tiktoken itself uses only the scan, and is quadratic there.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "gpt2/gpt2_ranks.h"

namespace embplay {

// One output token of a piece: its id and the byte offset (within the piece) where it starts.
struct Gpt2Part {
  std::uint32_t start;
  std::int32_t id;
};

// Pieces longer than this many bytes use the heap.
inline constexpr std::size_t kGpt2HeapThreshold = 128;

// Appends the tokens of `piece` (non-empty) to `out`, choosing the method by length.
void gpt2_merge_piece(const Gpt2Ranks& ranks, std::string_view piece, std::vector<Gpt2Part>& out);

// The two methods, exposed so tests can check that they agree.
void gpt2_merge_scan(const Gpt2Ranks& ranks, std::string_view piece, std::vector<Gpt2Part>& out);
void gpt2_merge_heap(const Gpt2Ranks& ranks, std::string_view piece, std::vector<Gpt2Part>& out);

}  // namespace embplay
