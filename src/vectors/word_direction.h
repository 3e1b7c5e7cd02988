// A direction in embedding space from word pairs, and every word's projection on it
// (Bolukbasi et al. 2016 build a gender direction this way): d = mean over pairs of
// (v_b - v_a), scaled to unit length; a word's score is v . d. With pairs (dog, dogs),
// (cat, cats) the direction points from singular to plural, and a plural that took no part
// in building it should still score higher than its singular.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "transformer/embedding_table.h"

namespace embplay {

using RowPair = std::array<std::int32_t, 2>;  // {a, b}: the direction runs from row a to row b

// Unit mean of rows(b) - rows(a) over `pairs` (summed in double). Throws std::invalid_argument
// for no pairs or pairs that cancel out (length zero), std::out_of_range for a bad row.
Eigen::VectorXf pair_direction(const RowMatrix& rows, const std::vector<RowPair>& pairs);

// Every row's projection on `direction` (rows . direction), row order.
Eigen::VectorXf project_on_direction(const RowMatrix& rows, const Eigen::VectorXf& direction);

}  // namespace embplay
