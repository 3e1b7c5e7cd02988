// The settings of one self-attention computation, checked before anything is allocated.
//
// Limits (the same for the page, the widgets and the CLI):
//   tokens   1 .. kMaxAttentionTokens (512): the n x n matrices of 8 heads at n = 512 are
//            2 x 8 x 1 MiB; longer texts are cut by the caller (the CLI says so on stderr).
//   d_model  1 .. 1024, the page's positional-encoding limit (kPagePositionLimits): random
//            projections cost 3 n d^2 multiply-adds, 1.6e9 at n = 512, d = 1024.
//   heads    1 .. kMaxAttentionHeads (64), and it must divide d_model: head j reads columns
//            j d_k .. (j+1) d_k - 1 of Q, K and V, d_k = d_model / heads (nanoGPT's reshape).
//
// The model input X = s E + P arrives in parts (see attention_workspace.h): E the token
// embedding rows, s the token scale (sqrt(d_model) as in Vaswani et al. 2017, section 3.4, or
// 1), P the position rows (none, sinusoidal or learned, built as section 6 of the page builds
// them). Input values must be finite with |E| <= kMaxAttentionInput and 0 <= s <= kMaxTokenScale,
// so every score is a finite float: NaN cannot appear (see attention_softmax.h for the rest).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "transformer/sinusoidal_encoding.h"

namespace embplay {

inline constexpr std::size_t kMaxAttentionTokens = 512;
inline constexpr std::size_t kMaxAttentionHeads = 64;
inline constexpr double kMaxAttentionInput = 1e4;  // |token embedding value|
inline constexpr double kMaxTokenScale = 1e4;

// identity: W_Q = W_K = W_V = I (Q = K = V = X; with one head the scores are X X^T).
// random:   seeded d x d matrices, U(-1/sqrt(d), 1/sqrt(d)) (attention_projection.h).
enum class AttentionProjection { Identity, Random };
// "identity" | "random"; throws std::invalid_argument naming both.
AttentionProjection parse_attention_projection(std::string_view name);
const char* attention_projection_name(AttentionProjection projection) noexcept;

enum class AttentionPositions { None, Sinusoidal, Learned };
// "none" | "sinusoidal" | "learned"; throws std::invalid_argument naming all three.
AttentionPositions parse_attention_positions(std::string_view name);
const char* attention_positions_name(AttentionPositions positions) noexcept;

struct AttentionConfig {
  std::size_t tokens = 0;   // n
  std::size_t d_model = 0;  // d
  std::size_t heads = 1;    // h
  AttentionProjection projection = AttentionProjection::Identity;
  bool scaled = true;       // divide the scores by sqrt(d_k)
  bool causal = false;      // query t sees keys 0..t only
  std::uint64_t seed = 1;   // random projections
  std::size_t d_k() const noexcept { return d_model / heads; }
};

// How X is built from the token rows: X = token_scale * E + P.
struct AttentionInputSpec {
  float token_scale = 1.0f;
  AttentionPositions positions = AttentionPositions::None;
  double base = kDefaultPeBase;                  // sinusoidal
  PeLayout layout = PeLayout::Interleaved;       // sinusoidal
  std::uint64_t position_seed = 1;               // learned (the page uses its one seed)
  double learned_stddev = 0.02;                  // learned (learned_position_table.h)
};

// Sizes arrive as doubles (JS numbers, CLI integers) and go through one test each. Throws
// std::invalid_argument with a one-line message the page can show, e.g.
// "heads (3) must divide d_model (16): each head takes d_model / heads columns".
AttentionConfig checked_attention_config(double tokens, double d_model, double heads, AttentionProjection projection,
                                         bool scaled, bool causal, double seed);

// Token scale finite and in [0, kMaxTokenScale], base > 1, stddev in range.
void check_attention_input_spec(const AttentionInputSpec& spec);

// Every value finite with magnitude <= kMaxAttentionInput; throws naming the first bad one.
void check_attention_input_values(const float* values, std::size_t count);

}  // namespace embplay
