// Tests for src/transformer/sinusoidal_encoding.h: values against an independent double-precision
// evaluation of the paper's formula, written here from the definition.
//
// Error budget for the 1e-6 tolerance: the table stores float (rounding <= 2^-25 ~ 3e-8
// for |x| <= 1); the rotation recurrence between exact anchors adds ~1e-14; at position
// 10^6 the double argument pos * w differs from the reference's pos / base^(2i/d) by
// ~1e-10. The measured worst case is below 1e-7, also asserted below so that a
// regression to a float argument (off by up to 0.03 at 10^6) cannot hide in the margin.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "transformer/sinusoidal_encoding.h"
#include "test_helpers.h"

using embplay::PeLayout;
using embplay::SinusoidalSpec;
using embplay::test::approx;

namespace {

constexpr double kPi = 3.14159265358979323846;

// PE(pos, j) from the definition: interleaved j = 2i (sin) / 2i+1 (cos); split: the
// first ceil(d/2) columns are sin i = j, the rest cos i = j - ceil(d/2).
double reference(double pos, std::size_t j, std::size_t d, double base, PeLayout layout) {
  std::size_t i = j / 2;
  bool sine = j % 2 == 0;
  if (layout == PeLayout::Split) {
    const std::size_t sines = (d + 1) / 2;
    sine = j < sines;
    i = sine ? j : j - sines;
  }
  const double arg = pos / std::pow(base, 2.0 * static_cast<double>(i) / static_cast<double>(d));
  return sine ? std::sin(arg) : std::cos(arg);
}

// Worst |table - reference| over rows x d, table holding positions first, first+1, ...
double worst_error(const std::vector<float>& table, double first, std::size_t rows, const SinusoidalSpec& spec) {
  double worst = 0.0;
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t j = 0; j < spec.d_model; ++j) {
      const double want = reference(first + static_cast<double>(r), j, spec.d_model, spec.base, spec.layout);
      worst = std::max(worst, std::abs(static_cast<double>(table[r * spec.d_model + j]) - want));
    }
  }
  return worst;
}

SinusoidalSpec make_spec(std::size_t d, double base, PeLayout layout) {
  SinusoidalSpec spec;
  spec.d_model = d;
  spec.base = base;
  spec.layout = layout;
  return spec;
}

}  // namespace

TEST_CASE("Known values for d_model 4, base 10000, written out by hand", "[pe][sinusoidal]") {
  // w_0 = 1, w_1 = 10000^(-1/2) = 0.01.
  const auto table = embplay::sinusoidal_encoding(make_spec(4, 10000.0, PeLayout::Interleaved), 3);
  REQUIRE(table.rows() == 3);
  REQUIRE(table.cols() == 4);
  // Position 0: sin 0 = 0, cos 0 = 1 in every pair.
  CHECK(table(0, 0) == 0.0f);
  CHECK(table(0, 1) == 1.0f);
  CHECK(table(0, 2) == 0.0f);
  CHECK(table(0, 3) == 1.0f);
  // Position 1: sin 1, cos 1, sin 0.01, cos 0.01.
  CHECK(table(1, 0) == approx(0.8414709848));
  CHECK(table(1, 1) == approx(0.5403023059));
  CHECK(table(1, 2) == approx(0.0099998333));
  CHECK(table(1, 3) == approx(0.9999500004));
  // Position 2 in the split layout: sin 2, sin 0.02, cos 2, cos 0.02.
  const auto split = embplay::sinusoidal_encoding(make_spec(4, 10000.0, PeLayout::Split), 3);
  CHECK(split(2, 0) == approx(0.9092974268));
  CHECK(split(2, 1) == approx(0.0199986667));
  CHECK(split(2, 2) == approx(-0.4161468365));
  CHECK(split(2, 3) == approx(0.9998000067));
}

TEST_CASE("Odd d_model: the last pair is a sine with no cosine partner", "[pe][sinusoidal]") {
  // d = 3: w_0 = 1, w_1 = 10000^(-2/3). Interleaved: sin w0, cos w0, sin w1.
  const double w1 = std::pow(10000.0, -2.0 / 3.0);
  const auto inter = embplay::sinusoidal_encoding(make_spec(3, 10000.0, PeLayout::Interleaved), 6);
  const auto split = embplay::sinusoidal_encoding(make_spec(3, 10000.0, PeLayout::Split), 6);
  for (int p = 0; p < 6; ++p) {
    CHECK(inter(p, 0) == approx(std::sin(p)));
    CHECK(inter(p, 1) == approx(std::cos(p)));
    CHECK(inter(p, 2) == approx(std::sin(p * w1)));
    // Split: sin w0, sin w1, cos w0.
    CHECK(split(p, 0) == approx(std::sin(p)));
    CHECK(split(p, 1) == approx(std::sin(p * w1)));
    CHECK(split(p, 2) == approx(std::cos(p)));
  }
  // d = 1 is a single sine of w_0 = 1.
  const auto one = embplay::sinusoidal_encoding(make_spec(1, 10000.0, PeLayout::Interleaved), 4);
  CHECK(one(3, 0) == approx(std::sin(3.0)));
}

TEST_CASE("Table equals the double-precision formula to 1e-6 for both layouts", "[pe][sinusoidal]") {
  const auto layout = GENERATE(PeLayout::Interleaved, PeLayout::Split);
  const auto [d, base] = GENERATE(table<std::size_t, double>({{1, 10000.0},
                                                               {2, 10000.0},
                                                               {3, 10000.0},
                                                               {4, 10000.0},
                                                               {7, 10000.0},
                                                               {64, 10000.0},
                                                               {65, 100.0},
                                                               {128, 2.0},
                                                               {33, 1.5},
                                                               {512, 10000.0},
                                                               {6, 1e6}}));
  const SinusoidalSpec spec = make_spec(d, base, layout);
  CAPTURE(d, base, embplay::pe_layout_name(layout));

  SECTION("positions 0 .. 299 (several anchor blocks of the recurrence)") {
    const std::size_t rows = 300;
    std::vector<float> out(rows * d);
    embplay::fill_sinusoidal(spec, rows, out.data());
    CHECK(worst_error(out, 0.0, rows, spec) <= 1e-6);
    CHECK(worst_error(out, 0.0, rows, spec) <= 1e-7);
  }
  SECTION("position 0 is sin 0 = 0 and cos 0 = 1 exactly") {
    std::vector<float> out(d);
    embplay::fill_sinusoidal(spec, 1, out.data());
    for (std::size_t j = 0; j < d; ++j) CHECK(out[j] == static_cast<float>(reference(0.0, j, d, base, layout)));
  }
  SECTION("positions 10^6 .. 10^6 + 199") {
    const std::size_t rows = 200;
    std::vector<float> out(rows * d);
    embplay::fill_sinusoidal_rows(spec, 1e6, rows, out.data());
    CHECK(worst_error(out, 1e6, rows, spec) <= 1e-6);
    CHECK(worst_error(out, 1e6, rows, spec) <= 1e-7);
  }
  SECTION("single rows and single values at large positions") {
    std::vector<float> row(d);
    for (double pos : {0.0, 1.0, 12345.0, 1e6, 1e6 + 1, 123456789.0}) {
      embplay::encode_position(spec, pos, row.data());
      for (std::size_t j = 0; j < d; ++j) {
        const double want = reference(pos, j, d, base, layout);
        // The reference forms pos / base^e, the encoder pos * base^-e: both round once,
        // so their arguments differ by ~pos * 2^-53 (1e-8 at 1.2e8), far inside 1e-6.
        CHECK(row[j] == approx(want));
        CHECK(embplay::pe_value(spec, pos, j) == approx(want, 1e-7));
      }
    }
  }
}

TEST_CASE("A float argument would miss the large-position values by far more than 1e-6", "[pe][sinusoidal]") {
  // Guards the choice of double arguments: at pos = 10^6 + 1 the float spacing is 0.0625.
  const float pos = 1000001.0f, w = 1.0f / std::pow(10000.0f, 2.0f * 5.0f / 64.0f);
  const double exact = std::sin(1000001.0 / std::pow(10000.0, 2.0 * 5.0 / 64.0));
  CHECK(std::abs(std::sin(static_cast<double>(pos * w)) - exact) > 1e-3);
  const auto spec = make_spec(64, 10000.0, PeLayout::Interleaved);
  CHECK(embplay::pe_value(spec, 1000001.0, 10) == approx(exact, 1e-9));
}

TEST_CASE("Every value lies in [-1, 1]", "[pe][sinusoidal]") {
  const auto layout = GENERATE(PeLayout::Interleaved, PeLayout::Split);
  for (std::size_t d : {1, 63, 64, 1024}) {
    const auto spec = make_spec(d, 10000.0, layout);
    std::vector<float> out(2048 * d);
    embplay::fill_sinusoidal(spec, 2048, out.data());
    float worst = 0.0f;
    for (float x : out) worst = std::max(worst, std::abs(x));
    CHECK(worst <= 1.0f);
    embplay::fill_sinusoidal_rows(spec, 99000.0, 1000, out.data());
    for (std::size_t k = 0; k < 1000 * d; ++k) worst = std::max(worst, std::abs(out[k]));
    CHECK(worst <= 1.0f);
  }
}

TEST_CASE("Split is the interleaved table with its columns permuted", "[pe][sinusoidal]") {
  for (std::size_t d : {2, 5, 16}) {
    const auto inter = embplay::sinusoidal_encoding(make_spec(d, 10000.0, PeLayout::Interleaved), 100);
    const auto split = embplay::sinusoidal_encoding(make_spec(d, 10000.0, PeLayout::Split), 100);
    const auto sines = static_cast<Eigen::Index>((d + 1) / 2);
    for (Eigen::Index i = 0; i < sines; ++i) CHECK(split.col(i) == inter.col(2 * i));
    for (Eigen::Index i = 0; 2 * i + 1 < static_cast<Eigen::Index>(d); ++i) {
      CHECK(split.col(sines + i) == inter.col(2 * i + 1));
    }
  }
}

TEST_CASE("Rows filled from an offset match the full table", "[pe][sinusoidal]") {
  const auto spec = make_spec(48, 10000.0, PeLayout::Split);
  const auto full = embplay::sinusoidal_encoding(spec, 400);
  std::vector<float> part(150 * 48);
  embplay::fill_sinusoidal_rows(spec, 217.0, 150, part.data());
  for (std::size_t r = 0; r < 150; ++r) {
    for (std::size_t j = 0; j < 48; ++j) CHECK(part[r * 48 + j] == approx(full(217 + r, j), 1e-7));
  }
}

TEST_CASE("Frequency and wavelength of each column", "[pe][sinusoidal]") {
  SECTION("interleaved, d_model 4") {
    const auto spec = make_spec(4, 10000.0, PeLayout::Interleaved);
    const auto dim = embplay::pe_dimension(spec, 3);
    CHECK(dim.pair == 1);
    CHECK_FALSE(dim.is_sine);
    CHECK(dim.exponent == approx(0.5));
    CHECK(dim.frequency == approx(0.01, 1e-12));
    CHECK(dim.wavelength == approx(200.0 * kPi, 1e-9));
    const auto w = embplay::pe_frequencies(spec);
    REQUIRE(w.size() == 4);
    CHECK(w[0] == 1.0);
    CHECK(w[1] == 1.0);
    CHECK(w[2] == approx(0.01, 1e-12));
    const auto lambda = embplay::pe_wavelengths(spec);
    CHECK(lambda[0] == approx(2.0 * kPi, 1e-12));
    CHECK(lambda[2] == approx(200.0 * kPi, 1e-9));
  }
  SECTION("split, odd d_model 5: columns sin0 sin1 sin2 cos0 cos1") {
    const auto spec = make_spec(5, 10000.0, PeLayout::Split);
    const bool sine[] = {true, true, true, false, false};
    const std::size_t pair[] = {0, 1, 2, 0, 1};
    for (std::size_t j = 0; j < 5; ++j) {
      const auto dim = embplay::pe_dimension(spec, j);
      CHECK(dim.is_sine == sine[j]);
      CHECK(dim.pair == pair[j]);
      CHECK(dim.frequency == approx(std::pow(10000.0, -2.0 * pair[j] / 5.0), 1e-15));
    }
    CHECK(embplay::pe_sine_column(spec, 2) == 2);
    CHECK(embplay::pe_cosine_column(spec, 2) == 5);  // no partner
    CHECK(embplay::pe_cosine_column(spec, 1) == 4);
  }
  SECTION("wavelengths run from 2 pi to 2 pi base^((d-2)/d), growing geometrically") {
    const auto lambda = embplay::pe_wavelengths(make_spec(512, 10000.0, PeLayout::Interleaved));
    CHECK(lambda.front() == approx(2.0 * kPi, 1e-12));
    CHECK(lambda.back() / (2.0 * kPi * std::pow(10000.0, 510.0 / 512.0)) == approx(1.0, 1e-12));
    for (std::size_t j = 2; j < lambda.size(); j += 2) CHECK(lambda[j] > lambda[j - 2]);
  }
  SECTION("a column outside d_model") {
    CHECK_THROWS_AS(embplay::pe_dimension(make_spec(4, 10000.0, PeLayout::Split), 4), std::out_of_range);
  }
}

TEST_CASE("Layout names", "[pe][sinusoidal]") {
  CHECK(embplay::parse_pe_layout("interleaved") == PeLayout::Interleaved);
  CHECK(embplay::parse_pe_layout("split") == PeLayout::Split);
  CHECK(std::string(embplay::pe_layout_name(PeLayout::Split)) == "split");
  CHECK_THROWS_WITH(embplay::parse_pe_layout("diagonal"), "unknown layout 'diagonal' (expected interleaved or split)");
}

TEST_CASE("Bad specs are refused with a message before anything is allocated", "[pe][sinusoidal]") {
  CHECK_THROWS_WITH(embplay::sinusoidal_encoding(make_spec(0, 10000.0, PeLayout::Interleaved), 10),
                    "d_model must be an integer between 1 and 4096, got 0");
  CHECK_THROWS_WITH(embplay::sinusoidal_encoding(make_spec(100000, 10000.0, PeLayout::Interleaved), 10),
                    "d_model must be an integer between 1 and 4096, got 100000");
  CHECK_THROWS_WITH(embplay::sinusoidal_encoding(make_spec(8, 10000.0, PeLayout::Interleaved), 0),
                    "max_len must be an integer between 1 and 100000, got 0");
  CHECK_THROWS_WITH(embplay::sinusoidal_encoding(make_spec(8, 10000.0, PeLayout::Interleaved), 10000000),
                    "max_len must be an integer between 1 and 100000, got 10000000");
  CHECK_THROWS_WITH(embplay::sinusoidal_encoding(make_spec(4096, 10000.0, PeLayout::Interleaved), 100000),
                    "max_len x d_model = 100000 x 4096 exceeds the limit of 33554432 cells");
  CHECK_THROWS_WITH(embplay::sinusoidal_encoding(make_spec(8, 1.0, PeLayout::Interleaved), 10),
                    "base must be a finite number greater than 1, got 1");
  CHECK_THROWS_WITH(embplay::sinusoidal_encoding(make_spec(8, std::nan(""), PeLayout::Interleaved), 10),
                    "base must be a finite number greater than 1, got NaN");
  CHECK_THROWS_WITH(embplay::sinusoidal_encoding(make_spec(8, INFINITY, PeLayout::Interleaved), 10),
                    "base must be a finite number greater than 1, got inf");
  // The buffer-filling entry points check the spec too (nullptr: nothing may be written).
  CHECK_THROWS_AS(embplay::fill_sinusoidal(make_spec(8, -2.0, PeLayout::Split), 10, nullptr), std::invalid_argument);
  CHECK_THROWS_WITH(embplay::encode_position(make_spec(8, 10000.0, PeLayout::Split), NAN, nullptr),
                    "position must be a finite number");
}
