// The shuffle experiment: attention without positions is blind to word order.
//
// Shuffle the tokens of a sentence (keep the positions by index), compute attention, and put
// the rows and columns back in the original order. With positions none and no causal mask
// every query, key and value row only moves, so the restored matrices equal the original ones
// exactly: attention(P X) = P attention(X) P^T (attention_softmax.h and attention.h explain
// why "exactly" holds in floating point). With sinusoidal or learned positions the tokens meet
// different position rows and the difference is not zero. A causal mask depends on positions
// too, so it also makes the difference non-zero.
//
// Also "the same word at two positions": without positions both occurrences have the same
// query and see the same keys, so their rows of weights are identical; positions tell them apart.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "transformer/attention_workspace.h"

namespace embplay {

// A seeded permutation of 0..n-1 (Fisher-Yates with embplay::Rng, the same in every build):
// token t of the shuffled sentence is original token order[t]. For n >= 2 it is never the
// identity (a draw that leaves every token in place is drawn again, as the next numbers of the
// same generator). Throws std::invalid_argument for n = 0 or n > kMaxAttentionTokens.
std::vector<std::uint32_t> shuffled_order(std::size_t n, std::uint64_t seed);

// `count` n x n matrices (row-major, one after another) computed for the shuffled sentence,
// put back in the original order: out[order[a]][order[b]] = shuffled[a][b].
void restore_order(const float* shuffled, std::size_t n, std::size_t count, const std::vector<std::uint32_t>& order,
                   float* out);

// max |a[i] - b[i]|: 0 where both hold the same value (also the same infinity), +infinity where
// only one is infinite (a causal mask in a different place).
double max_abs_difference(const float* a, const float* b, std::size_t count);

// The first token that occurs again: `second` is the earliest position whose id was seen
// before, `first` that earlier position. found = false when every id is different. At most
// kMaxAttentionTokens ids (throws std::invalid_argument beyond).
struct RepeatedToken {
  bool found = false;
  std::size_t first = 0;
  std::size_t second = 0;
};
RepeatedToken find_repeated_token(const std::vector<std::int32_t>& ids);

// max |m[first][k] - m[second][k]| over the n columns of one n x n matrix.
double row_difference(const float* matrix, std::size_t n, std::size_t first, std::size_t second);

// The whole experiment in one call: attention of the sentence as given (copied into `original`),
// then of the sentence shuffled by `order` (left in the workspace's result, in shuffled order),
// put back in the original order (`restored`), and the largest differences. Both computations
// share the workspace's cached projections (attention_workspace.h), so the experiment costs two
// rounds of the n x n work of the heads.
struct ShuffleExperiment {
  AttentionResult original;
  AttentionResult restored;
  double max_score_difference = 0;   // +infinity when a causal mask moved
  double max_weight_difference = 0;
};
void run_shuffle_experiment(AttentionWorkspace& workspace, const AttentionConfig& config,
                            const AttentionInputSpec& input, const float* token_rows,
                            const std::vector<std::uint32_t>& order, ShuffleExperiment& out);

}  // namespace embplay
