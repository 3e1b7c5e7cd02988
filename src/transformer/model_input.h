// The transformer's input: token embedding + positional encoding, row by row.
//
//   x_t = s * E[token_t] + P[t]      (t = 0 .. tokens-1)
//
// E is the token embedding table (embedding_table.h), P a position table (sinusoidal or
// learned), s a scale: Vaswani et al. 2017 (section 3.4) multiply the embedding by
// sqrt(d_model) before adding the sinusoids; BERT and GPT-2 use s = 1.
// Without P, attention sees the same inputs for "dog bites man" and "man bites dog".
#pragma once

#include <cstddef>

#include "transformer/embedding_table.h"  // RowMatrix

namespace embplay {

// out = token_scale * token_rows + position_rows[0..tokens), each tokens x d_model
// row-major. `out` may be either input.
void fill_model_input(const float* token_rows, const float* position_rows, std::size_t tokens, std::size_t d_model,
                      float token_scale, float* out);

// Throws std::invalid_argument when the widths differ or the text has more tokens than
// the position table has rows ("max_len").
RowMatrix model_input(const RowMatrix& token_rows, const RowMatrix& position_table, float token_scale = 1.0f);

}  // namespace embplay
