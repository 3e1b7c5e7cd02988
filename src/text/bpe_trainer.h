// Learning byte-pair-encoding merges from word counts.
//
// Byte-pair encoding as a subword method: Sennrich, Haddow and Birch (2016), "Neural Machine
// Translation of Rare Words with Subword Units". Every word starts as a sequence of symbols, one
// per Unicode code point (a UTF-8 character is never split); the most frequent adjacent pair of
// symbols, counted over all words weighted by word frequency, is merged into a new symbol, and
// this repeats. Merges never cross word boundaries.
//
// Determinism: among pairs with the same count, the pair whose left symbol is smallest in
// code-point order wins, then the one whose right symbol is smallest (UTF-8 byte order equals
// code-point order, so this is plain std::string comparison of `left`, then `right`).
// Learning stops early when the best remaining pair occurs fewer than 2 times.
//
// Speed: words are counted first, so each distinct word is stored once with its count. Pair counts
// are then updated incrementally: an index from each pair to its occurrences (positions in the
// distinct words) means a merge touches only those occurrences, and a priority queue with lazy
// deletion finds the best pair; nothing is recounted per merge. Words longer than
// kBpeChunkLength code points are cut into chunks of that length (for training and encoding
// alike): 20 MB of "aaaa..." is two distinct chunks, not one 20-million-symbol word.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/token_sequence.h"
#include "text/tokenizer.h"

namespace embplay {

// Longest run of code points that BPE treats as one word.
inline constexpr std::size_t kBpeChunkLength = 1024;

// Byte offset where the chunk of `word` that starts at byte `pos` ends.
std::size_t bpe_chunk_end(std::string_view word, std::size_t pos) noexcept;

struct WordCount {
  std::string word;
  std::uint64_t count;
};

// The distinct token texts of `words` (cut into chunks of at most kBpeChunkLength code points)
// with how often each occurs, in order of first occurrence.
std::vector<WordCount> count_words(const TokenSequence& words);

// Learns up to `n_merges` merges (0 .. kMaxMerges, else std::invalid_argument), in the order
// they were learned; each merge records the pair's count when it was chosen.
std::vector<BpeMerge> learn_bpe(const std::vector<WordCount>& words, int n_merges);

}  // namespace embplay
