// See subword_vector.h.
#include "fasttext/subword_vector.h"

#include "math/strict_float.h"

EMBPLAY_STRICT_FLOAT

namespace embplay {

void mean_of_rows(const RowMatrix& m, const std::int32_t* rows, std::size_t n, float* out) {
  const Eigen::Index cols = m.cols();
  for (Eigen::Index c = 0; c < cols; ++c) out[c] = 0.0f;
  for (std::size_t i = 0; i < n; ++i) {
    const float* row = m.data() + static_cast<std::size_t>(rows[i]) * static_cast<std::size_t>(cols);
    for (Eigen::Index c = 0; c < cols; ++c) out[c] += row[c];
  }
  if (n == 0) return;
  const float scale = static_cast<float>(1.0 / static_cast<double>(n));
  for (Eigen::Index c = 0; c < cols; ++c) out[c] *= scale;
}

}  // namespace embplay
