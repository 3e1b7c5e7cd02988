// See model_input.h.
#include "transformer/model_input.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace embplay {

void fill_model_input(const float* token_rows, const float* position_rows, std::size_t tokens, std::size_t d_model,
                      float token_scale, float* out) {
  const std::size_t cells = tokens * d_model;
  for (std::size_t i = 0; i < cells; ++i) out[i] = token_scale * token_rows[i] + position_rows[i];
}

RowMatrix model_input(const RowMatrix& token_rows, const RowMatrix& position_table, float token_scale) {
  if (token_rows.cols() != position_table.cols()) {
    throw std::invalid_argument("token embeddings have d_model " + std::to_string(token_rows.cols()) +
                                " but the position table has d_model " + std::to_string(position_table.cols()));
  }
  if (token_rows.rows() > position_table.rows()) {
    throw std::invalid_argument("the text has " + std::to_string(token_rows.rows()) +
                                " tokens but the position table has only " + std::to_string(position_table.rows()) +
                                " positions (max_len)");
  }
  if (!std::isfinite(token_scale)) throw std::invalid_argument("token scale must be a finite number");
  RowMatrix out(token_rows.rows(), token_rows.cols());
  fill_model_input(token_rows.data(), position_table.data(), static_cast<std::size_t>(token_rows.rows()),
                   static_cast<std::size_t>(token_rows.cols()), token_scale, out.data());
  return out;
}

}  // namespace embplay
