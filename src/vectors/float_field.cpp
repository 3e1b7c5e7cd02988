// See float_field.h.
#include "vectors/float_field.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

namespace embplay {

namespace {

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::uint64_t kMaxExactInteger = std::uint64_t{1} << 53;

// A plain decimal: sign, digits with at most one '.', optional exponent; W and E with value W · 10^E.
struct Decimal {
  bool negative = false;
  std::uint64_t digits = 0;
  int exponent = 0;
};

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Reads [+-]digits[.digits][(e|E)[+-]digits] covering the whole field, at most 19 digits and
// 4 exponent digits; false for anything else (strtof then decides).
bool scan_decimal(std::string_view s, Decimal& d) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) d.negative = s[i++] == '-';
  int count = 0;
  int fraction = 0;
  bool point = false;
  for (; i < s.size(); ++i) {
    if (is_digit(s[i])) {
      if (++count > 19) return false;
      d.digits = d.digits * 10 + static_cast<std::uint64_t>(s[i] - '0');
      fraction += point;
    } else if (s[i] == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (count == 0) return false;
  int exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    const bool minus = i < s.size() && s[i] == '-';
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    const std::size_t start = i;
    for (; i < s.size() && is_digit(s[i]); ++i) {
      if (i - start >= 4) return false;
      exponent = exponent * 10 + (s[i] - '0');
    }
    if (i == start) return false;
    if (minus) exponent = -exponent;
  }
  d.exponent = exponent - fraction;
  return i == s.size();
}

float with_sign(float v, bool negative) {
  // Set the sign bit directly: the WASM build's -fno-signed-zeros may fold a negated zero to +0.
  std::uint32_t bits;
  std::memcpy(&bits, &v, 4);
  if (negative) bits |= 0x80000000u;
  std::memcpy(&v, &bits, 4);
  return v;
}

// Clinger's fast path; nullopt when it cannot promise strtof's result.
std::optional<float> fast_path(const Decimal& d) {
  if (d.digits == 0) return with_sign(0.0f, d.negative);
  if (d.digits > kMaxExactInteger || d.exponent < -22 || d.exponent > 22) return std::nullopt;
  const double w = static_cast<double>(d.digits);
  const double x = d.exponent < 0 ? w / kPow10[-d.exponent] : w * kPow10[d.exponent];
  // x is between 1e-22 and 9e37, where every float is normal: rounding x to float drops the low
  // 29 of its 52 stored mantissa bits, and x lies exactly halfway between two floats when those
  // bits are 1000...0. Only then might the decimal itself be on the other side: ask strtof.
  std::uint64_t bits;
  std::memcpy(&bits, &x, 8);
  if ((bits & ((std::uint64_t{1} << 29) - 1)) == (std::uint64_t{1} << 28)) return std::nullopt;
  return with_sign(static_cast<float>(x), d.negative);
}

std::optional<float> slow_path(std::string_view field) {
  const std::string copy(field);
  char* end = nullptr;
  const float v = std::strtof(copy.c_str(), &end);
  if (copy.empty() || end != copy.c_str() + copy.size()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<float> parse_float_field(std::string_view field) {
  Decimal d;
  if (scan_decimal(field, d)) {
    if (const auto v = fast_path(d)) return v;
  }
  return slow_path(field);
}

}  // namespace embplay
