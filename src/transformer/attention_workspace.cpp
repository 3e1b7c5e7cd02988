// See attention_workspace.h.
#include "transformer/attention_workspace.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "math/strict_float.h"
#include "transformer/learned_position_table.h"
#include "transformer/sinusoidal_encoding.h"

EMBPLAY_STRICT_FLOAT

namespace embplay {

namespace {

void check_order(const std::vector<std::uint32_t>& order, std::size_t n) {
  if (order.empty()) return;
  if (order.size() != n) {
    throw std::invalid_argument("the token order has " + std::to_string(order.size()) + " entries for " +
                                std::to_string(n) + " tokens");
  }
  std::vector<bool> seen(n, false);
  for (const std::uint32_t t : order) {
    if (t >= n || seen[t]) throw std::invalid_argument("the token order is not a permutation of 0.." + std::to_string(n - 1));
    seen[t] = true;
  }
}

// P: the first n rows of the position table, as section 6 of the page fills them.
std::vector<float> position_rows(const AttentionConfig& config, const AttentionInputSpec& input) {
  std::vector<float> rows(config.tokens * config.d_model);
  if (input.positions == AttentionPositions::Sinusoidal) {
    SinusoidalSpec spec;
    spec.d_model = config.d_model;
    spec.base = input.base;
    spec.layout = input.layout;
    fill_sinusoidal(spec, config.tokens, rows.data());
  } else {
    fill_learned_positions(config.tokens, config.d_model, input.position_seed, rows.data(), input.learned_stddev);
  }
  return rows;
}

}  // namespace

bool AttentionWorkspace::PositionKey::operator==(const PositionKey& o) const {
  return tokens == o.tokens && d_model == o.d_model && projection == o.projection && seed == o.seed &&
         positions == o.positions && base == o.base && layout == o.layout && position_seed == o.position_seed &&
         stddev == o.stddev;
}

void AttentionWorkspace::compute(const AttentionConfig& config, const AttentionInputSpec& input, const float* token_rows,
                                 const std::vector<std::uint32_t>& order, bool with_output) {
  checked_attention_config(static_cast<double>(config.tokens), static_cast<double>(config.d_model),
                           static_cast<double>(config.heads), config.projection, config.scaled, config.causal,
                           static_cast<double>(config.seed));
  check_attention_input_spec(input);
  check_attention_input_values(token_rows, config.tokens * config.d_model);
  check_order(order, config.tokens);
  work_ = {};
  ensure_weights(config);
  const Projected& tokens = token_part(config, token_rows);
  const Projected* positions = input.positions == AttentionPositions::None ? nullptr : &position_part(config, input);
  combine(config, input.token_scale, tokens, positions, order);
  run_heads(config, with_output);
}

void AttentionWorkspace::ensure_weights(const AttentionConfig& config) {
  if (config.projection != AttentionProjection::Random) return;
  if (weights_d_ == config.d_model && weights_seed_ == config.seed) return;
  weights_ = random_projection_weights(config.d_model, config.seed);
  weights_d_ = config.d_model;
  weights_seed_ = config.seed;
  work_.drew_weights = true;
}

void AttentionWorkspace::project(const AttentionConfig& config, const float* rows, Projected& out) {
  const std::size_t cells = config.tokens * config.d_model;
  if (config.projection == AttentionProjection::Identity) {  // W = I: Q = K = V = the rows
    out.q.assign(rows, rows + cells);
    out.k.clear();
    out.v.clear();
    return;
  }
  out.q.resize(cells);
  out.k.resize(cells);
  out.v.resize(cells);
  project_rows(rows, config.tokens, weights_.query, out.q.data());
  project_rows(rows, config.tokens, weights_.key, out.k.data());
  project_rows(rows, config.tokens, weights_.value, out.v.data());
}

const AttentionWorkspace::Projected& AttentionWorkspace::token_part(const AttentionConfig& config,
                                                                    const float* token_rows) {
  const std::size_t cells = config.tokens * config.d_model;
  const AttentionConfig& c = tokens_config_;
  const bool same = tokens_valid_ && c.tokens == config.tokens && c.d_model == config.d_model &&
                    c.projection == config.projection &&
                    (config.projection == AttentionProjection::Identity || c.seed == config.seed) &&
                    std::equal(tokens_seen_.begin(), tokens_seen_.end(), token_rows);
  if (same) return tokens_;
  tokens_valid_ = false;
  tokens_seen_.assign(token_rows, token_rows + cells);
  project(config, tokens_seen_.data(), tokens_);
  tokens_config_ = config;
  tokens_valid_ = true;
  work_.projected_tokens = true;
  return tokens_;
}

const AttentionWorkspace::Projected& AttentionWorkspace::position_part(const AttentionConfig& config,
                                                                       const AttentionInputSpec& input) {
  const bool random = config.projection == AttentionProjection::Random;
  const PositionKey key{config.tokens, config.d_model, config.projection, random ? config.seed : 0,
                        input.positions, input.positions == AttentionPositions::Sinusoidal ? input.base : 0.0,
                        input.positions == AttentionPositions::Sinusoidal ? input.layout : PeLayout::Interleaved,
                        input.positions == AttentionPositions::Learned ? input.position_seed : 0,
                        input.positions == AttentionPositions::Learned ? input.learned_stddev : 0.0};
  ++clock_;
  for (PositionEntry& e : positions_) {
    if (e.key == key) {
      e.last_used = clock_;
      return e.part;
    }
  }
  const std::vector<float> rows = position_rows(config, input);
  std::size_t slot = positions_.size();
  if (slot < kPositionEntries) {
    positions_.emplace_back();
  } else {  // replace the least recently used
    slot = 0;
    for (std::size_t i = 1; i < positions_.size(); ++i) {
      if (positions_[i].last_used < positions_[slot].last_used) slot = i;
    }
  }
  PositionEntry& entry = positions_[slot];
  entry.key = key;
  entry.last_used = clock_;
  project(config, rows.data(), entry.part);
  work_.projected_positions = true;
  return entry.part;
}

void AttentionWorkspace::combine(const AttentionConfig& config, float s, const Projected& tokens,
                                 const Projected* positions, const std::vector<std::uint32_t>& order) {
  const std::size_t n = config.tokens;
  const std::size_t d = config.d_model;
  auto mix = [&](const float* te, const float* tp, std::vector<float>& out) {
    out.resize(n * d);
    for (std::size_t t = 0; t < n; ++t) {
      const float* e = te + (order.empty() ? t : order[t]) * d;  // the token at position t
      float* o = out.data() + t * d;
      if (tp) {
        const float* p = tp + t * d;  // positions stay by index
        for (std::size_t c = 0; c < d; ++c) o[c] = s * e[c] + p[c];
      } else {
        for (std::size_t c = 0; c < d; ++c) o[c] = s * e[c];
      }
    }
  };
  mix(tokens.q.data(), positions ? positions->q.data() : nullptr, qkv_.q);
  if (config.projection == AttentionProjection::Identity) {
    qkv_.k.clear();
    qkv_.v.clear();
    return;
  }
  mix(tokens.key(), positions ? positions->key() : nullptr, qkv_.k);
  mix(tokens.value(), positions ? positions->value() : nullptr, qkv_.v);
}

void AttentionWorkspace::run_heads(const AttentionConfig& config, bool with_output) {
  const std::size_t n = config.tokens;
  const std::size_t d = config.d_model;
  const std::size_t d_k = config.d_k();
  result_.tokens = n;
  result_.d_model = d;
  result_.heads = config.heads;
  result_.scores.resize(config.heads * n * n);
  result_.weights.resize(config.heads * n * n);
  if (with_output) result_.output.resize(n * d);
  else result_.output.clear();
  exps_.resize(n);
  const HeadShape shape{n, d_k, d, config.scaled, config.causal};
  for (std::size_t h = 0; h < config.heads; ++h) {
    const std::size_t column = h * d_k;  // head h: columns h d_k .. (h+1) d_k - 1
    attention_head(qkv_.q.data() + column, qkv_.key() + column, qkv_.value() + column, shape,
                   result_.scores.data() + h * n * n, result_.weights.data() + h * n * n,
                   with_output ? result_.output.data() + column : nullptr, exps_.data());
  }
}

}  // namespace embplay
