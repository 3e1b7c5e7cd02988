// See position_limits.h.
#include "transformer/position_limits.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace embplay {
namespace {

// The number as given: "100000", "10000000", "3.5", "NaN", "inf", "-inf".
std::string show(double x) {
  if (std::isnan(x)) return "NaN";  // one spelling whatever the sign bit (glibc would print "-nan")
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

std::size_t checked_count(double value, const char* name, std::size_t max) {
  if (!(value >= 1.0 && value <= static_cast<double>(max)) || value != std::floor(value)) {
    throw std::invalid_argument(std::string(name) + " must be an integer between 1 and " + std::to_string(max) +
                                ", got " + show(value));
  }
  return static_cast<std::size_t>(value);
}

}  // namespace

std::size_t checked_d_model(double d_model, const PositionLimits& limits) {
  return checked_count(d_model, "d_model", limits.max_d_model);
}

std::size_t checked_max_len(double max_len, const PositionLimits& limits) {
  return checked_count(max_len, "max_len", limits.max_len);
}

double checked_base(double base) {
  if (!std::isfinite(base) || !(base > 1.0)) {
    throw std::invalid_argument("base must be a finite number greater than 1, got " + show(base));
  }
  return base;
}

std::uint64_t checked_seed(double seed) {
  if (!(seed >= 0.0 && seed <= 9007199254740992.0) || seed != std::floor(seed)) {
    throw std::invalid_argument("seed must be an integer between 0 and 2^53, got " + show(seed));
  }
  return static_cast<std::uint64_t>(seed);
}

TableShape checked_table_shape(double max_len, double d_model, const PositionLimits& limits) {
  const TableShape shape{checked_max_len(max_len, limits), checked_d_model(d_model, limits)};
  if (shape.max_len > limits.max_cells / shape.d_model) {
    throw std::invalid_argument("max_len x d_model = " + std::to_string(shape.max_len) + " x " +
                                std::to_string(shape.d_model) + " exceeds the limit of " +
                                std::to_string(limits.max_cells) + " cells");
  }
  return shape;
}

void check_similarity_size(std::size_t rows, const PositionLimits& limits) {
  if (rows == 0 || rows > limits.max_cells / rows) {
    throw std::invalid_argument("similarity of " + std::to_string(rows) + " positions needs " + std::to_string(rows) +
                                " x " + std::to_string(rows) + " cells, the limit is " +
                                std::to_string(limits.max_cells));
  }
}

}  // namespace embplay
