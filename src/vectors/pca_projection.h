// Principal component analysis (Pearson 1901; Hotelling 1933) to draw word vectors in 2-D
// or 3-D: centre the rows, take the eigenvectors of their covariance with the largest
// eigenvalues as axes, and project each row on them.
//
// Eigenvectors have no sign of their own, so a plot redrawn during training could flip
// from one frame to the next. Each axis is therefore oriented: along the matching axis of
// the previous projection when one is given (frames of one training run stay continuous),
// else so that its largest-magnitude entry is positive (the same data always looks the same).
#pragma once

#include <vector>

#include "transformer/embedding_table.h"

namespace embplay {

inline constexpr int kMaxPcaComponents = 3;

struct PcaProjection {
  RowMatrix coords;                // rows x k: each row's coordinates on the axes
  RowMatrix axes;                  // k x dim: unit, orthogonal, by decreasing variance
  std::vector<double> explained;   // fraction of the total variance along each axis (0 when there is none)
};

// Projects the rows of `x` on their first k principal axes. `previous_axes`, when not
// null and shaped k x dim, orients the new axes to agree with it; an all-zero row of it
// leaves that axis to the largest-entry rule (an axis the caller has not seen yet). Throws
// std::invalid_argument for no rows, k outside [1, min(3, dim)], a previous_axes of
// another shape, or a value that is not finite.
PcaProjection pca_project(const RowMatrix& x, int k, const RowMatrix* previous_axes = nullptr);

}  // namespace embplay
