// embind bindings for positional encodings (issue 5): the sinusoidal table, frequencies,
// the shift map, position similarity, the learned table and token + position input.
// Translation of types only; the core is src/transformer/sinusoidal_encoding.h and its neighbours.
//
// Two ways to get a table:
//  - copies: sinusoidalEncoding(...) etc. return a fresh Float32Array (simple, allocates);
//  - buffers, for slider drags: `const buf = new Module.PositionBuffer()` once, then
//    `Module.peFillSinusoidal(buf, d, n, base, layout)` per frame and `buf.view()` for a
//    zero-copy Float32Array (row-major n x d). The buffer's memory is reused and only grows;
//    a view dies when WASM memory grows, so take a new view after every fill. `buf.delete()`
//    when done.
// Sizes arrive as JS numbers (double) and are checked against kPagePositionLimits
// (d_model <= 1024, max_len <= 2048) before anything is allocated.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "guard.h"
#include "transformer/learned_position_table.h"
#include "transformer/model_input.h"
#include "transformer/position_limits.h"
#include "transformer/position_shift.h"
#include "transformer/position_similarity.h"
#include "transformer/sinusoidal_encoding.h"

using namespace emscripten;

namespace embplay::wasm {
namespace {

constexpr const PositionLimits& kLimits = kPagePositionLimits;

// Float storage in WASM memory that is refilled in place.
class PositionBuffer {
 public:
  float* prepare(std::size_t n) {
    if (n > data_.size()) data_.resize(n);
    size_ = n;
    return data_.data();
  }
  const float* data() const noexcept { return data_.data(); }
  std::size_t size() const noexcept { return size_; }

 private:
  std::vector<float> data_;
  std::size_t size_ = 0;
};

double buffer_size(const PositionBuffer& b) { return static_cast<double>(b.size()); }
val buffer_view(const PositionBuffer& b) { return val(typed_memory_view(b.size(), b.data())); }
val buffer_copy(const PositionBuffer& b) { return copy_to_js(b.data(), b.size()); }

SinusoidalSpec make_spec(double d_model, double base, const std::string& layout) {
  SinusoidalSpec spec;
  spec.d_model = checked_d_model(d_model, kLimits);
  spec.base = checked_base(base);
  spec.layout = parse_pe_layout(layout);
  return spec;
}

double checked_column(const SinusoidalSpec& spec, double column) {
  if (!(column >= 0 && column < static_cast<double>(spec.d_model)) || column != static_cast<double>(static_cast<std::size_t>(column))) {
    throw std::invalid_argument("column must be an integer between 0 and " + std::to_string(spec.d_model - 1));
  }
  return column;
}

// --- the sinusoidal table -------------------------------------------------------------

// (The *_into helpers throw; only the bound functions below them call guard, never nested.)
void sinusoidal_into(PositionBuffer& out, double d_model, double max_len, double base, const std::string& layout) {
  const SinusoidalSpec spec = make_spec(d_model, base, layout);
  const TableShape shape = checked_table_shape(max_len, d_model, kLimits);
  fill_sinusoidal(spec, shape.max_len, out.prepare(shape.cells()));
}

void fill_sinusoidal_buffer(PositionBuffer& out, double d_model, double max_len, double base, std::string layout) {
  guard([&] { sinusoidal_into(out, d_model, max_len, base, layout); });
}

val sinusoidal_copy(double d_model, double max_len, double base, std::string layout) {
  return guard([&] {
    PositionBuffer buffer;
    sinusoidal_into(buffer, d_model, max_len, base, layout);
    return buffer_copy(buffer);
  });
}

val encode_position_copy(double d_model, double base, std::string layout, double pos) {
  return guard([&] {
    const SinusoidalSpec spec = make_spec(d_model, base, layout);
    std::vector<float> row(spec.d_model);
    encode_position(spec, pos, row.data());
    return copy_to_js(row);
  });
}

double value_at(double d_model, double base, std::string layout, double pos, double column) {
  return guard([&] {
    const SinusoidalSpec spec = make_spec(d_model, base, layout);
    return pe_value(spec, pos, static_cast<std::size_t>(checked_column(spec, column)));
  });
}

// {pair, isSine, exponent, frequency, wavelength} for the hover readout and legends.
val dimension_info(double d_model, double base, std::string layout, double column) {
  return guard([&] {
    const SinusoidalSpec spec = make_spec(d_model, base, layout);
    const PeDimension dim = pe_dimension(spec, static_cast<std::size_t>(checked_column(spec, column)));
    val out = val::object();
    out.set("pair", static_cast<double>(dim.pair));
    out.set("isSine", dim.is_sine);
    out.set("exponent", dim.exponent);
    out.set("frequency", dim.frequency);
    out.set("wavelength", dim.wavelength);
    return out;
  });
}

val frequencies_copy(double d_model, double base, std::string layout) {
  return guard([&] { return copy_to_js(pe_frequencies(make_spec(d_model, base, layout))); });
}

val wavelengths_copy(double d_model, double base, std::string layout) {
  return guard([&] { return copy_to_js(pe_wavelengths(make_spec(d_model, base, layout))); });
}

// --- the shift map ----------------------------------------------------------------------

val shift_matrix_copy(double d_model, double base, std::string layout, double k) {
  return guard([&] {
    const RowMatrix m = shift_matrix(make_spec(d_model, base, layout), k);
    return copy_to_js(m.data(), static_cast<std::size_t>(m.size()));
  });
}

val apply_shift_copy(double d_model, double base, std::string layout, double k, val row) {
  return guard([&] {
    const SinusoidalSpec spec = make_spec(d_model, base, layout);
    const std::vector<float> in = convertJSArrayToNumberVector<float>(row);
    if (in.size() != spec.d_model) {
      throw std::invalid_argument("row has " + std::to_string(in.size()) + " values, d_model is " + std::to_string(spec.d_model));
    }
    std::vector<float> out(spec.d_model);
    apply_shift(spec, k, in.data(), out.data());
    return copy_to_js(out);
  });
}

double shift_residual_at(double d_model, double base, std::string layout, double pos, double k) {
  return guard([&] { return shift_residual(make_spec(d_model, base, layout), pos, k); });
}

bool shift_exact(double d_model) {
  return guard([&] { return shift_is_exact(SinusoidalSpec{checked_d_model(d_model, kLimits)}); });
}

// --- similarity -------------------------------------------------------------------------

// Closed form for the sinusoidal table (fast enough for slider drags at 2048 positions).
void fill_sinusoidal_similarity_buffer(PositionBuffer& out, double d_model, double max_len, double base,
                                       std::string layout, std::string kind) {
  guard([&] {
    const SinusoidalSpec spec = make_spec(d_model, base, layout);
    const PositionSimilarity similarity = parse_position_similarity(kind);
    const std::size_t n = checked_max_len(max_len, kLimits);
    check_similarity_size(n, kLimits);
    fill_sinusoidal_similarity(spec, n, similarity, out.prepare(n * n));
  });
}

// Gram matrix of any table held in `table` (max_len x d_model), e.g. a learned one.
void fill_similarity_buffer(PositionBuffer& out, const PositionBuffer& table, double max_len, double d_model,
                            std::string kind) {
  guard([&] {
    const PositionSimilarity similarity = parse_position_similarity(kind);
    const TableShape shape = checked_table_shape(max_len, d_model, kLimits);
    if (shape.cells() > table.size()) {
      throw std::invalid_argument("the table buffer holds " + std::to_string(table.size()) + " values, " +
                                  std::to_string(shape.max_len) + " x " + std::to_string(shape.d_model) + " needed");
    }
    check_similarity_size(shape.max_len, kLimits);
    fill_position_similarity(table.data(), shape.max_len, shape.d_model, similarity,
                             out.prepare(shape.max_len * shape.max_len));
  });
}

// --- the learned table ------------------------------------------------------------------

void learned_into(PositionBuffer& out, double d_model, double max_len, double seed, double stddev) {
  const TableShape shape = checked_table_shape(max_len, d_model, kLimits);
  const std::uint64_t s = checked_seed(seed);
  learned_init_bound(stddev);  // validates before allocating
  fill_learned_positions(shape.max_len, shape.d_model, s, out.prepare(shape.cells()), stddev);
}

void fill_learned_buffer(PositionBuffer& out, double d_model, double max_len, double seed, double stddev) {
  guard([&] { learned_into(out, d_model, max_len, seed, stddev); });
}

val learned_copy(double d_model, double max_len, double seed, double stddev) {
  return guard([&] {
    PositionBuffer buffer;
    learned_into(buffer, d_model, max_len, seed, stddev);
    return buffer_copy(buffer);
  });
}

// --- token embeddings + positions -------------------------------------------------------

// out = scale * tokenRows + the first `tokens` rows of `positions` (tokens x d_model).
void fill_model_input_buffer(PositionBuffer& out, val token_rows, const PositionBuffer& positions, double d_model,
                             double scale) {
  guard([&] {
    const std::size_t d = checked_d_model(d_model, kLimits);
    const std::vector<float> tokens = convertJSArrayToNumberVector<float>(token_rows);
    if (tokens.size() % d != 0) {
      throw std::invalid_argument("token rows hold " + std::to_string(tokens.size()) + " values, not a multiple of d_model " +
                                  std::to_string(d));
    }
    const std::size_t n = tokens.size() / d;
    if (tokens.size() > positions.size()) {
      throw std::invalid_argument("the text has " + std::to_string(n) + " tokens but the position table has only " +
                                  std::to_string(positions.size() / d) + " positions (max_len)");
    }
    if (!std::isfinite(scale)) throw std::invalid_argument("token scale must be a finite number");
    fill_model_input(tokens.data(), positions.data(), n, d, static_cast<float>(scale), out.prepare(tokens.size()));
  });
}

// --- limits -----------------------------------------------------------------------------

val limits_object(const PositionLimits& limits) {
  val out = val::object();
  out.set("maxDModel", static_cast<double>(limits.max_d_model));
  out.set("maxLen", static_cast<double>(limits.max_len));
  out.set("maxCells", static_cast<double>(limits.max_cells));
  return out;
}

val position_limits() {
  val out = val::object();
  out.set("page", limits_object(kPagePositionLimits));
  out.set("core", limits_object(kCorePositionLimits));
  out.set("defaultBase", kDefaultPeBase);
  out.set("defaultLearnedStddev", kDefaultLearnedStddev);
  return out;
}

}  // namespace
}  // namespace embplay::wasm

EMSCRIPTEN_BINDINGS(positional_encoding) {
  using namespace embplay::wasm;
  class_<PositionBuffer>("PositionBuffer")
      .constructor<>()
      .function("size", &buffer_size)
      .function("view", &buffer_view)
      .function("copy", &buffer_copy);

  function("peFillSinusoidal", &fill_sinusoidal_buffer);
  function("peFillLearned", &fill_learned_buffer);
  function("peFillSinusoidalSimilarity", &fill_sinusoidal_similarity_buffer);
  function("peFillSimilarity", &fill_similarity_buffer);
  function("peFillModelInput", &fill_model_input_buffer);

  function("sinusoidalEncoding", &sinusoidal_copy);
  function("learnedPositionTable", &learned_copy);
  function("peEncodePosition", &encode_position_copy);
  function("peValue", &value_at);
  function("peDimension", &dimension_info);
  function("peFrequencies", &frequencies_copy);
  function("peWavelengths", &wavelengths_copy);

  function("peShiftMatrix", &shift_matrix_copy);
  function("peApplyShift", &apply_shift_copy);
  function("peShiftResidual", &shift_residual_at);
  function("peShiftIsExact", &shift_exact);

  function("positionLimits", &position_limits);
}
