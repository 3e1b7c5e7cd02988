// Tests for src/transformer/position_shift.h: PE(pos + k) = M_k PE(pos), checked against tables
// from sinusoidal_encoding.h and against the rotation algebra (M_0 = I, M_a M_b = M_{a+b},
// M_k orthogonal).
//
// Tolerance: M_k and PE are stored as float (each entry within 3e-8), and a row of M_k
// has at most two non-zeros, so M_k PE(pos) is within ~1e-7 of the exact value.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "transformer/position_shift.h"
#include "transformer/sinusoidal_encoding.h"
#include "test_helpers.h"

using embplay::PeLayout;
using embplay::RowMatrix;
using embplay::SinusoidalSpec;
using embplay::test::approx;

namespace {

SinusoidalSpec make_spec(std::size_t d, double base, PeLayout layout) {
  SinusoidalSpec spec;
  spec.d_model = d;
  spec.base = base;
  spec.layout = layout;
  return spec;
}

double max_abs(const RowMatrix& m) { return m.cwiseAbs().maxCoeff(); }

}  // namespace

TEST_CASE("M_k PE(pos) reproduces PE(pos + k) for even d_model", "[pe][shift]") {
  const auto layout = GENERATE(PeLayout::Interleaved, PeLayout::Split);
  const auto [d, base] = GENERATE(table<std::size_t, double>({{2, 10000.0}, {16, 10000.0}, {64, 100.0}, {128, 10000.0}}));
  const auto spec = make_spec(d, base, layout);
  const auto table = embplay::sinusoidal_encoding(spec, 600);
  CAPTURE(d, base, embplay::pe_layout_name(layout));
  for (int k : {0, 1, 7, 100, -5}) {
    const RowMatrix m = embplay::shift_matrix(spec, k);
    for (int pos : {5, 17, 250, 499}) {
      CAPTURE(k, pos);
      const RowMatrix shifted = table.row(pos) * m.transpose();  // (M_k PE(pos))^T
      CHECK(max_abs(shifted - table.row(pos + k)) <= 1e-6);
      std::vector<float> out(d);
      embplay::apply_shift(spec, k, table.row(pos).data(), out.data());
      for (std::size_t j = 0; j < d; ++j) CHECK(out[j] == approx(table(pos + k, j)));
    }
  }
  CHECK(embplay::shift_is_exact(spec));
  CHECK(embplay::shift_residual(spec, 123.0, 45.0) < 1e-12);
}

TEST_CASE("M_k is block-diagonal with 2x2 rotations in the interleaved layout", "[pe][shift]") {
  const auto spec = make_spec(6, 10000.0, PeLayout::Interleaved);
  const double k = 3.0;
  const RowMatrix m = embplay::shift_matrix(spec, k);
  for (int i = 0; i < 3; ++i) {
    const double a = k * std::pow(10000.0, -2.0 * i / 6.0);
    CHECK(m(2 * i, 2 * i) == approx(std::cos(a)));
    CHECK(m(2 * i, 2 * i + 1) == approx(std::sin(a)));
    CHECK(m(2 * i + 1, 2 * i) == approx(-std::sin(a)));
    CHECK(m(2 * i + 1, 2 * i + 1) == approx(std::cos(a)));
  }
  // Everything outside the blocks is zero.
  for (int r = 0; r < 6; ++r) {
    for (int c = 0; c < 6; ++c) {
      if (r / 2 != c / 2) CHECK(m(r, c) == 0.0f);
    }
  }
}

TEST_CASE("The split layout's M_k is the interleaved one with rows and columns permuted", "[pe][shift]") {
  for (std::size_t d : {8, 9}) {
    const RowMatrix inter = embplay::shift_matrix(make_spec(d, 10000.0, PeLayout::Interleaved), 11.0);
    const RowMatrix split = embplay::shift_matrix(make_spec(d, 10000.0, PeLayout::Split), 11.0);
    // Interleaved column j holds pair j/2's sine (even j) or cosine (odd j); in the split
    // layout the sines come first.
    const std::size_t sines = (d + 1) / 2;
    std::vector<Eigen::Index> to_split(d);
    for (std::size_t j = 0; j < d; ++j) to_split[j] = static_cast<Eigen::Index>(j % 2 == 0 ? j / 2 : sines + j / 2);
    for (std::size_t r = 0; r < d; ++r) {
      for (std::size_t c = 0; c < d; ++c) CHECK(split(to_split[r], to_split[c]) == inter(r, c));
    }
  }
}

TEST_CASE("Shift maps compose like rotations", "[pe][shift]") {
  const auto spec = make_spec(32, 10000.0, PeLayout::Split);
  const RowMatrix identity = RowMatrix::Identity(32, 32);
  CHECK(max_abs(embplay::shift_matrix(spec, 0.0) - identity) == 0.0);
  const RowMatrix m3 = embplay::shift_matrix(spec, 3.0);
  const RowMatrix m4 = embplay::shift_matrix(spec, 4.0);
  CHECK(max_abs(m3 * m4 - embplay::shift_matrix(spec, 7.0)) <= 1e-6);
  CHECK(max_abs(m3 * embplay::shift_matrix(spec, -3.0) - identity) <= 1e-6);
  CHECK(max_abs(m3 * m3.transpose() - identity) <= 1e-6);  // a rotation: orthogonal
}

TEST_CASE("Odd d_model: the lone sine cannot be shifted linearly", "[pe][shift]") {
  const auto layout = GENERATE(PeLayout::Interleaved, PeLayout::Split);
  const auto spec = make_spec(5, 10000.0, layout);
  CHECK_FALSE(embplay::shift_is_exact(spec));
  const auto table = embplay::sinusoidal_encoding(spec, 300);
  const double k = 100.0;
  const RowMatrix shifted = table.row(40) * embplay::shift_matrix(spec, k).transpose();
  const std::size_t lone = embplay::pe_sine_column(spec, 2);  // 4 interleaved, 2 split
  CHECK(lone == (layout == PeLayout::Split ? 2u : 4u));
  for (std::size_t j = 0; j < 5; ++j) {
    if (j != lone) CHECK(shifted(0, j) == approx(table(140, j)));
  }
  // The lone column keeps cos(k w) sin(pos w) and misses sin(k w) cos(pos w).
  const double w = std::pow(10000.0, -4.0 / 5.0);
  const double missing = std::sin(k * w) * std::cos(40.0 * w);
  CHECK(missing > 0.05);
  CHECK(table(140, lone) - shifted(0, lone) == approx(missing));
  CHECK(embplay::shift_residual(spec, 40.0, k) == approx(std::abs(missing), 1e-12));
}

TEST_CASE("Bad shift input", "[pe][shift]") {
  CHECK_THROWS_WITH(embplay::shift_matrix(make_spec(8, 10000.0, PeLayout::Split), NAN), "shift k must be a finite number");
  CHECK_THROWS_WITH(embplay::shift_matrix(make_spec(0, 10000.0, PeLayout::Split), 1.0),
                    "d_model must be an integer between 1 and 4096, got 0");
  CHECK_THROWS_WITH(embplay::shift_matrix(make_spec(8, 0.5, PeLayout::Split), 1.0),
                    "base must be a finite number greater than 1, got 0.5");
}
