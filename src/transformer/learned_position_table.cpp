// See learned_position_table.h.
#include "transformer/learned_position_table.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "transformer/position_limits.h"
#include "math/random.h"

namespace embplay {

float learned_init_bound(double stddev) {
  if (!(stddev > 0.0 && stddev <= kMaxLearnedStddev)) {
    char shown[32];
    std::snprintf(shown, sizeof shown, "%g", stddev);
    throw std::invalid_argument("initialisation stddev must be greater than 0 and at most 1e+06, got " +
                                std::string(std::isnan(stddev) ? "NaN" : shown));
  }
  return static_cast<float>(std::sqrt(3.0) * stddev);
}

void fill_learned_positions(std::size_t max_len, std::size_t d_model, std::uint64_t seed, float* out, double stddev) {
  const float bound = learned_init_bound(stddev);
  checked_d_model(static_cast<double>(d_model));
  Rng rng(seed);
  const std::size_t cells = max_len * d_model;
  for (std::size_t i = 0; i < cells; ++i) out[i] = rng.uniform(-bound, bound);
}

RowMatrix learned_position_table(std::size_t max_len, std::size_t d_model, std::uint64_t seed, double stddev) {
  learned_init_bound(stddev);
  const TableShape shape = checked_table_shape(static_cast<double>(max_len), static_cast<double>(d_model));
  RowMatrix table(static_cast<Eigen::Index>(shape.max_len), static_cast<Eigen::Index>(shape.d_model));
  fill_learned_positions(shape.max_len, shape.d_model, seed, table.data(), stddev);
  return table;
}

}  // namespace embplay
