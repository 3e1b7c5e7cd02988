// See attention_shuffle.h.
#include "transformer/attention_shuffle.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

#include "math/random.h"
#include "transformer/attention_config.h"

namespace embplay {

namespace {

bool is_identity(const std::vector<std::uint32_t>& order) {
  for (std::size_t t = 0; t < order.size(); ++t) {
    if (order[t] != t) return false;
  }
  return true;
}

double difference(float a, float b) {
  if (a == b) return 0.0;  // also -inf == -inf
  if (std::isinf(a) || std::isinf(b)) return std::numeric_limits<double>::infinity();
  return std::fabs(static_cast<double>(a) - static_cast<double>(b));
}

}  // namespace

std::vector<std::uint32_t> shuffled_order(std::size_t n, std::uint64_t seed) {
  if (n == 0 || n > kMaxAttentionTokens) {
    throw std::invalid_argument("a shuffle takes between 1 and " + std::to_string(kMaxAttentionTokens) +
                                " tokens, got " + std::to_string(n));
  }
  std::vector<std::uint32_t> order(n);
  Rng rng(seed);
  do {
    std::iota(order.begin(), order.end(), 0u);
    for (std::size_t i = n - 1; i > 0; --i) {  // Fisher-Yates: swap i with a uniform j in 0..i
      const std::uint32_t j = rng.below(static_cast<std::uint32_t>(i + 1));
      std::swap(order[i], order[j]);
    }
  } while (n >= 2 && is_identity(order));
  return order;
}

void restore_order(const float* shuffled, std::size_t n, std::size_t count, const std::vector<std::uint32_t>& order,
                   float* out) {
  if (order.size() != n) throw std::invalid_argument("the token order does not match the matrix size");
  for (std::size_t m = 0; m < count; ++m) {
    const float* from = shuffled + m * n * n;
    float* to = out + m * n * n;
    for (std::size_t a = 0; a < n; ++a) {
      for (std::size_t b = 0; b < n; ++b) to[order[a] * n + order[b]] = from[a * n + b];
    }
  }
}

double max_abs_difference(const float* a, const float* b, std::size_t count) {
  double worst = 0.0;
  for (std::size_t i = 0; i < count; ++i) worst = std::max(worst, difference(a[i], b[i]));
  return worst;
}

RepeatedToken find_repeated_token(const std::vector<std::int32_t>& ids) {
  if (ids.size() > kMaxAttentionTokens) {
    throw std::invalid_argument("a sentence for attention has at most " + std::to_string(kMaxAttentionTokens) +
                                " tokens, got " + std::to_string(ids.size()));
  }
  for (std::size_t t = 1; t < ids.size(); ++t) {  // at most 512^2 / 2 comparisons, and no hash table in WASM
    for (std::size_t s = 0; s < t; ++s) {
      if (ids[s] == ids[t]) return RepeatedToken{true, s, t};
    }
  }
  return {};
}

double row_difference(const float* matrix, std::size_t n, std::size_t first, std::size_t second) {
  if (first >= n || second >= n) throw std::invalid_argument("row index outside the matrix");
  return max_abs_difference(matrix + first * n, matrix + second * n, n);
}

void run_shuffle_experiment(AttentionWorkspace& workspace, const AttentionConfig& config,
                            const AttentionInputSpec& input, const float* token_rows,
                            const std::vector<std::uint32_t>& order, ShuffleExperiment& out) {
  if (order.size() != config.tokens) throw std::invalid_argument("the token order does not match the number of tokens");
  workspace.compute(config, input, token_rows);
  out.original = workspace.result();  // copies; the vectors keep their capacity between runs
  workspace.compute(config, input, token_rows, order);
  const AttentionResult& shuffled = workspace.result();
  const std::size_t n = config.tokens;
  out.restored.tokens = n;
  out.restored.d_model = config.d_model;
  out.restored.heads = config.heads;
  out.restored.scores.resize(shuffled.scores.size());
  out.restored.weights.resize(shuffled.weights.size());
  out.restored.output.clear();
  restore_order(shuffled.scores.data(), n, config.heads, order, out.restored.scores.data());
  restore_order(shuffled.weights.data(), n, config.heads, order, out.restored.weights.data());
  out.max_score_difference = max_abs_difference(out.restored.scores.data(), out.original.scores.data(), out.original.scores.size());
  out.max_weight_difference =
      max_abs_difference(out.restored.weights.data(), out.original.weights.data(), out.original.weights.size());
}

}  // namespace embplay
