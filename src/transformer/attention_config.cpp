// See attention_config.h.
#include "transformer/attention_config.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "transformer/learned_position_table.h"
#include "transformer/position_limits.h"

namespace embplay {

namespace {

std::string show(double x) {
  if (std::isnan(x)) return "NaN";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

bool is_count(double value, double max) { return value >= 1.0 && value <= max && value == std::floor(value); }

std::size_t checked_tokens(double tokens) {
  if (tokens == 0.0) throw std::invalid_argument("attention needs at least one token (the text is empty)");
  if (!is_count(tokens, static_cast<double>(kMaxAttentionTokens))) {
    throw std::invalid_argument("attention takes between 1 and " + std::to_string(kMaxAttentionTokens) +
                                " tokens, got " + show(tokens));
  }
  return static_cast<std::size_t>(tokens);
}

std::size_t checked_heads(double heads, std::size_t d_model) {
  if (!is_count(heads, static_cast<double>(kMaxAttentionHeads))) {
    throw std::invalid_argument("heads must be an integer between 1 and " + std::to_string(kMaxAttentionHeads) +
                                ", got " + show(heads));
  }
  const auto h = static_cast<std::size_t>(heads);
  if (d_model % h != 0) {
    throw std::invalid_argument("heads (" + std::to_string(h) + ") must divide d_model (" + std::to_string(d_model) +
                                "): each head takes d_model / heads columns");
  }
  return h;
}

}  // namespace

AttentionProjection parse_attention_projection(std::string_view name) {
  if (name == "identity") return AttentionProjection::Identity;
  if (name == "random") return AttentionProjection::Random;
  throw std::invalid_argument("unknown projection '" + std::string(name) + "' (valid: identity, random)");
}

const char* attention_projection_name(AttentionProjection projection) noexcept {
  return projection == AttentionProjection::Random ? "random" : "identity";
}

AttentionPositions parse_attention_positions(std::string_view name) {
  if (name == "none") return AttentionPositions::None;
  if (name == "sinusoidal") return AttentionPositions::Sinusoidal;
  if (name == "learned") return AttentionPositions::Learned;
  throw std::invalid_argument("unknown positions '" + std::string(name) + "' (valid: none, sinusoidal, learned)");
}

const char* attention_positions_name(AttentionPositions positions) noexcept {
  switch (positions) {
    case AttentionPositions::Sinusoidal: return "sinusoidal";
    case AttentionPositions::Learned: return "learned";
    default: return "none";
  }
}

AttentionConfig checked_attention_config(double tokens, double d_model, double heads, AttentionProjection projection,
                                         bool scaled, bool causal, double seed) {
  AttentionConfig config;
  config.tokens = checked_tokens(tokens);
  config.d_model = checked_d_model(d_model, kPagePositionLimits);
  config.heads = checked_heads(heads, config.d_model);
  config.projection = projection;
  config.scaled = scaled;
  config.causal = causal;
  config.seed = checked_seed(seed);
  return config;
}

void check_attention_input_spec(const AttentionInputSpec& spec) {
  const double s = spec.token_scale;
  if (!(s >= 0.0 && s <= kMaxTokenScale)) {
    throw std::invalid_argument("token scale must be a number between 0 and 10000, got " + show(s));
  }
  if (spec.positions == AttentionPositions::Sinusoidal) checked_base(spec.base);
  if (spec.positions == AttentionPositions::Learned) learned_init_bound(spec.learned_stddev);
}

void check_attention_input_values(const float* values, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    const double v = values[i];
    if (!(std::fabs(v) <= kMaxAttentionInput)) {
      throw std::invalid_argument("token embedding value " + std::to_string(i) + " is " + show(v) +
                                  ": values must be finite and at most 10000 in magnitude");
    }
  }
}

}  // namespace embplay
