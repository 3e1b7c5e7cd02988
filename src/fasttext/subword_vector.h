// A word's vector in the subword model (Bojanowski et al. 2017, section 3.2), computed as
// fastText's FastText::getWordVector does: zero, add the rows in order in float, then
// multiply by float(1.0 / n). Same order and rounding, so our vector for a word is
// fastText's to the last bit when the rows are.
#pragma once

#include <cstddef>
#include <cstdint>

#include "transformer/embedding_table.h"

namespace embplay {

// out[0..cols) = mean of m's rows rows[0..n); zeros when n is 0.
void mean_of_rows(const RowMatrix& m, const std::int32_t* rows, std::size_t n, float* out);

}  // namespace embplay
