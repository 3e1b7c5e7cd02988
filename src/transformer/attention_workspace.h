// Self-attention for the page, the widgets and the CLI: builds the model input from its
// parts, X = s E + P (model_input.h), projects it, and runs every head of eq. 1 (attention.h),
// keeping what it can for the next call.
//
// Why parts: X W = s (E W) + (P W), and the two products do not change together. The
// workspace caches E W_{Q,K,V} (recomputed when the token rows, d_model, the projection or the
// seed change) and P W_{Q,K,V} for the last few position settings, then forms
//   Q[t] = s * (E W_Q)[t] + (P W_Q)[t]      (likewise K, V; without positions, Q[t] = s (E W_Q)[t])
// in O(n d). So switching positions back and forth, the token scale, the heads, the √d_k
// scaling or the causal mask cost only the n x n work of the heads; a random projection of
// new text costs 3 n d^2 multiply-adds once. With identity projections nothing is projected:
// Q = K = V = s E + P, the very sum model_input.h computes. The results are defined by this
// order of operations; the CLI and the WASM module both run this code, so they agree bit for bit.
//
// Shuffling: with `order`, token t of the sentence is token row order[t] of E while the
// position rows stay by index (P[t] goes with whatever token is at t). Rows of E W are
// computed independently, so the cached (E W)[order[t]] is exactly what projecting the
// shuffled rows would give; shuffling costs no new projection either.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "transformer/attention.h"
#include "transformer/attention_config.h"
#include "transformer/attention_projection.h"

namespace embplay {

// What the last compute() had to redo (for tests and benchmarks of the cache).
struct AttentionWork {
  bool drew_weights = false;          // random W_Q, W_K, W_V
  bool projected_tokens = false;      // E W
  bool projected_positions = false;   // P W (or filled P, with identity projections)
};

class AttentionWorkspace {
 public:
  // token_rows: config.tokens x config.d_model floats, row-major. `order`, when not empty, is a
  // permutation of 0..n-1 (checked). Throws std::invalid_argument for bad input values or spec
  // (before any allocation that depends on them). Results stay until the next compute().
  void compute(const AttentionConfig& config, const AttentionInputSpec& input, const float* token_rows,
               const std::vector<std::uint32_t>& order = {}, bool with_output = false);

  const AttentionResult& result() const noexcept { return result_; }
  const AttentionWork& last_work() const noexcept { return work_; }

 private:
  // Q, K, V parts (n x d each); with identity projections only `q` is kept (K = V = Q).
  struct Projected {
    std::vector<float> q, k, v;
    const float* key() const { return k.empty() ? q.data() : k.data(); }
    const float* value() const { return v.empty() ? q.data() : v.data(); }
  };
  struct PositionKey {
    std::size_t tokens, d_model;
    AttentionProjection projection;
    std::uint64_t seed;
    AttentionPositions positions;
    double base;
    PeLayout layout;
    std::uint64_t position_seed;
    double stddev;
    bool operator==(const PositionKey& o) const;
  };
  struct PositionEntry {
    PositionKey key;
    Projected part;
    std::uint64_t last_used;
  };

  void ensure_weights(const AttentionConfig& config);
  const Projected& token_part(const AttentionConfig& config, const float* token_rows);
  const Projected& position_part(const AttentionConfig& config, const AttentionInputSpec& input);
  void project(const AttentionConfig& config, const float* rows, Projected& out);
  void combine(const AttentionConfig& config, float s, const Projected& tokens, const Projected* positions,
               const std::vector<std::uint32_t>& order);
  void run_heads(const AttentionConfig& config, bool with_output);

  static constexpr std::size_t kPositionEntries = 4;

  AttentionWork work_;
  // W_Q, W_K, W_V for (weights_d_, weights_seed_), when random.
  ProjectionWeights weights_;
  std::size_t weights_d_ = 0;
  std::uint64_t weights_seed_ = 0;
  // E W and the E it was computed from.
  std::vector<float> tokens_seen_;
  AttentionConfig tokens_config_;
  bool tokens_valid_ = false;
  Projected tokens_;
  std::vector<PositionEntry> positions_;
  std::uint64_t clock_ = 0;
  // This call's Q, K, V and results.
  Projected qkv_;
  AttentionResult result_;
  std::vector<double> exps_;
};

}  // namespace embplay
