// Shared by the gradient checks of the training steps (cbow_update_test.cpp,
// skipgram_update_test.cpp): central finite differences, and a sigmoid table fine enough that
// the table's steps do not hide a wrong gradient.
#pragma once

#include <cstddef>
#include <vector>

#include "training/sigmoid_table.h"

namespace embplay::test {

// d f / d x_i by central differences (step 1e-5), for every i.
template <class F>
std::vector<double> numeric_gradient(std::vector<double> x, F f) {
  const double eps = 1e-5;
  std::vector<double> g(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double keep = x[i];
    x[i] = keep + eps;
    const double up = f(x);
    x[i] = keep - eps;
    const double down = f(x);
    x[i] = keep;
    g[i] = (up - down) / (2 * eps);
  }
  return g;
}

// 400,000 entries over [-8, 8]: steps of 4e-5, far below the checks' tolerances.
inline const SigmoidTable& fine_sigmoid_table() {
  static const SigmoidTable table(400000, 8.0f);
  return table;
}

}  // namespace embplay::test
