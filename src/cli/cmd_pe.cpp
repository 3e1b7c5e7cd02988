// embplay pe: the sinusoidal positional encoding table (Vaswani et al. 2017) as text,
// one row per position (0 .. max_len-1), d_model tab-separated values, "%.9g" (enough
// digits to read every float back exactly). See src/transformer/sinusoidal_encoding.h.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "transformer/position_limits.h"
#include "transformer/sinusoidal_encoding.h"

namespace embplay::cli {
namespace {

const char* const kUsage =
    "usage: embplay pe --d-model D --max-len N [--base B] [--layout interleaved|split]\n"
    "\n"
    "Prints the sinusoidal positional encoding: one line per position 0..N-1, D tab-separated values.\n"
    "  PE(pos, 2i) = sin(pos / B^(2i/D)),  PE(pos, 2i+1) = cos(pos / B^(2i/D))\n"
    "\n"
    "  --d-model D    columns, 1..4096 (odd D: the last pair is a sine without a cosine)\n"
    "  --max-len N    positions, 1..100000, and N x D at most 33554432 cells\n"
    "  --base B       a finite number > 1 (default 10000)\n"
    "  --layout L     interleaved (sin, cos, sin, cos, ...; the paper; default)\n"
    "                 or split (all sines, then all cosines; tensor2tensor)\n";

constexpr std::size_t kRowsPerChunk = 256;

SinusoidalSpec parse_spec(const ArgParser& args, std::size_t& max_len) {
  const auto& limits = kCorePositionLimits;
  args.require("d-model");
  args.require("max-len");
  const long long d_model = args.get_int("d-model", 0, 1, static_cast<long long>(limits.max_d_model));
  const long long len = args.get_int("max-len", 0, 1, static_cast<long long>(limits.max_len));
  const TableShape shape = checked_table_shape(static_cast<double>(len), static_cast<double>(d_model), limits);
  max_len = shape.max_len;
  SinusoidalSpec spec;
  spec.d_model = shape.d_model;
  spec.base = checked_base(args.get_double("base", kDefaultPeBase));
  spec.layout = parse_pe_layout(args.get("layout", "interleaved"));
  return spec;
}

void append_rows(const float* values, std::size_t rows, std::size_t d_model, std::string& text) {
  char buf[32];
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t j = 0; j < d_model; ++j) {
      const int n = std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(values[r * d_model + j]));
      if (j) text += '\t';
      text.append(buf, static_cast<std::size_t>(n));
    }
    text += '\n';
  }
}

}  // namespace

int run_pe(const Args& argv) {
  ArgParser args("pe", kUsage);
  args.option("d-model");
  args.option("max-len");
  args.option("base");
  args.option("layout");
  if (!args.parse(argv)) return 0;
  std::size_t max_len = 0;
  const SinusoidalSpec spec = parse_spec(args, max_len);
  // Streams in chunks: memory stays at kRowsPerChunk rows whatever max_len is.
  std::vector<float> chunk(kRowsPerChunk * spec.d_model);
  std::string text;
  for (std::size_t first = 0; first < max_len; first += kRowsPerChunk) {
    const std::size_t rows = std::min(kRowsPerChunk, max_len - first);
    fill_sinusoidal_rows(spec, static_cast<double>(first), rows, chunk.data());
    text.clear();
    append_rows(chunk.data(), rows, spec.d_model, text);
    std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!std::cout) throw CliError("cannot write to standard output");
  }
  return 0;
}

}  // namespace embplay::cli
