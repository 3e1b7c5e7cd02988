// Tests for subword_vector.h: the mean of rows in fastText's order and rounding (float sums
// in row order, then a multiply by float(1.0 / n)), repeated rows counted twice, zeros for none.
#include <catch2/catch.hpp>

#include <vector>

#include "fasttext/subword_vector.h"

using namespace embplay;

TEST_CASE("mean of rows sums in order in float, then multiplies by float(1/n)", "[fasttext][vector]") {
  RowMatrix m(3, 2);
  m << 1e8f, 1.0f,
       1.0f, 2.0f,
       -1e8f, 4.0f;
  const std::vector<std::int32_t> rows = {0, 1, 2, 1};
  std::vector<float> out(2);
  mean_of_rows(m, rows.data(), rows.size(), out.data());
  // In float, 1e8 + 1 = 1e8 and -1e8 brings it to 0, then + 1 = 1: order matters, as in fastText.
  float expected0 = 0.0f;
  for (auto r : rows) expected0 += m(r, 0);
  CHECK(out[0] == expected0 * static_cast<float>(1.0 / 4.0));
  CHECK(out[0] == 0.25f);
  CHECK(out[1] == (1.0f + 2.0f + 4.0f + 2.0f) * 0.25f);
  mean_of_rows(m, rows.data(), 0, out.data());
  CHECK(out == std::vector<float>{0.0f, 0.0f});
}

TEST_CASE("mean of three rows multiplies by the float nearest 1/3, not divides", "[fasttext][vector]") {
  RowMatrix m(3, 1);
  m << 1.0f, 2.0f, 2.0f;  // sum 5: 5 * float(1/3) rounds up, 5 / 3 rounds down
  const std::vector<std::int32_t> rows = {0, 1, 2};
  float out = 0;
  mean_of_rows(m, rows.data(), 3, &out);
  CHECK(out == 5.0f * static_cast<float>(1.0 / 3.0));
  CHECK(out != 5.0f / 3.0f);
}
