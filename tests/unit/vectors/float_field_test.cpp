// Tests for float_field.h: every field reads bit-for-bit as std::strtof reads it (the fast
// path's exactness, ties between two floats, signed zeros, what strtof alone handles), and a
// field strtof would not consume whole reads as nothing.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "vectors/float_field.h"
#include "math/random.h"

using namespace embplay;

namespace {

std::uint32_t bits(float v) {
  std::uint32_t b;
  std::memcpy(&b, &v, 4);
  return b;
}

// What strtof makes of the whole field (nullopt when it stops early), as bits.
std::optional<std::uint32_t> reference(const std::string& field) {
  char* end = nullptr;
  const float v = std::strtof(field.c_str(), &end);
  if (field.empty() || end != field.c_str() + field.size()) return std::nullopt;
  return std::isnan(v) ? 0x7fc00000u : bits(v);
}

std::optional<std::uint32_t> ours(const std::string& field) {
  const auto v = parse_float_field(field);
  if (!v) return std::nullopt;
  return std::isnan(*v) ? 0x7fc00000u : bits(*v);
}

std::string format(const char* spec, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, spec, v);
  return buf;
}

}  // namespace

TEST_CASE("float fields: plain decimals read exactly", "[float-field]") {
  CHECK(parse_float_field("0.5") == 0.5f);
  CHECK(parse_float_field("-0.41800") == -0.418f);
  CHECK(parse_float_field("1e-3") == 1e-3f);
  CHECK(parse_float_field("+2.5E+2") == 250.0f);
  CHECK(parse_float_field(".5") == 0.5f);
  CHECK(parse_float_field("5.") == 5.0f);
  CHECK(bits(*parse_float_field("-0")) == 0x80000000u);
  CHECK(bits(*parse_float_field("-0.000")) == 0x80000000u);
  CHECK(bits(*parse_float_field("0")) == 0u);
}

TEST_CASE("float fields: halfway between two floats rounds to even, like strtof", "[float-field]") {
  CHECK(parse_float_field("16777217") == 16777216.0f);  // 2^24 + 1: a tie, the even neighbour below
  CHECK(parse_float_field("16777219") == 16777220.0f);  // a tie, the even neighbour above
  CHECK(parse_float_field("16777217.5") == 16777218.0f);
  CHECK(parse_float_field("1.000000059604644775390625") == 1.0f);  // 1 + 2^-24, long: strtof's path
}

TEST_CASE("float fields: what strtof would not read whole is nothing", "[float-field]") {
  for (const char* bad : {"", "-", "+", ".", "e5", "1e", "1e+", "x2", "1,5", "1.2.3", "0x", "1e5x", "--1", "nanx"}) {
    INFO(bad);
    CHECK_FALSE(parse_float_field(bad).has_value());
  }
}

TEST_CASE("float fields: strtof's other spellings and out-of-range values match it", "[float-field]") {
  for (const std::string s : {"inf", "-Infinity", "nan", "0x1p3", "1e39", "-1e39", "1e-50", "1e-40", "3.4028235e38",
                              "123456789012345678901234", "0.000000000000000000000000001", "1e22", "1e23", "9007199254740993",
                              "4.9406564584124654e-324", "00000000000000000000000001.5"}) {
    INFO(s);
    CHECK(ours(s) == reference(s));
  }
}

TEST_CASE("float fields: random decimals in many spellings match strtof bit for bit", "[float-field]") {
  Rng rng(20261126);
  const char* specs[] = {"%.9g", "%.5f", "%.6e", "%.3g", "%.17g", "%.16g", "%.8g", "%.12f"};
  int checked = 0;
  for (int i = 0; i < 200000; ++i) {
    // Magnitudes from 1e-30 to 1e30, and values near the midpoints between neighbouring floats.
    const double scale = std::pow(10.0, static_cast<double>(rng.uniform(-30.0f, 30.0f)));
    double v = static_cast<double>(rng.uniform(-1.0f, 1.0f)) * scale;
    if (i % 3 == 0) {
      const float f = static_cast<float>(v);
      const float g = std::nextafter(f, std::numeric_limits<float>::infinity());
      v = (static_cast<double>(f) + static_cast<double>(g)) / 2 * (1 + static_cast<double>(rng.uniform(-1.0f, 1.0f)) * 1e-15);
    }
    const std::string s = format(specs[i % 8], v);
    INFO(s);
    REQUIRE(ours(s) == reference(s));
    ++checked;
  }
  CHECK(checked == 200000);
}
