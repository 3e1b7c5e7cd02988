// Size and parameter checks for the positional-encoding tables, run BEFORE anything is
// allocated: a request for 100000 x 10^7 cells must fail with a message, not with
// std::bad_alloc or an out-of-memory tab.
//
// Sizes arrive as doubles so that every caller (CLI integers, JavaScript numbers that may
// be NaN, 1e10 or 3.5) goes through the same test and the same one-line message, e.g.
// "d_model must be an integer between 1 and 4096, got 100000".
#pragma once

#include <cstddef>
#include <cstdint>

namespace embplay {

struct PositionLimits {
  std::size_t max_d_model;  // columns of a table (and rows/columns of a shift matrix)
  std::size_t max_len;      // positions (rows of a table)
  std::size_t max_cells;    // rows x columns of any one table, and max_len x max_len for similarity
};

// What the core and the CLI accept: 2^25 cells is 128 MiB of float.
inline constexpr PositionLimits kCorePositionLimits{4096, 100000, std::size_t{1} << 25};
// What the page's controls offer (issue 5: d_model up to 1024, max_len up to 2048).
inline constexpr PositionLimits kPagePositionLimits{1024, 2048, std::size_t{1} << 22};

// Each returns the checked value or throws std::invalid_argument with a one-line message.
std::size_t checked_d_model(double d_model, const PositionLimits& limits = kCorePositionLimits);
std::size_t checked_max_len(double max_len, const PositionLimits& limits = kCorePositionLimits);
// base must be finite and > 1 (base <= 1 gives frequencies >= 1 that grow with the dimension).
double checked_base(double base);
// A seed given as a number: an integer in [0, 2^53].
std::uint64_t checked_seed(double seed);

// d_model and max_len checked, then max_len x d_model against max_cells.
struct TableShape {
  std::size_t max_len;
  std::size_t d_model;
  std::size_t cells() const noexcept { return max_len * d_model; }
};
TableShape checked_table_shape(double max_len, double d_model, const PositionLimits& limits = kCorePositionLimits);

// max_len x max_len against max_cells (the similarity matrix of `rows` positions).
void check_similarity_size(std::size_t rows, const PositionLimits& limits = kCorePositionLimits);

}  // namespace embplay
