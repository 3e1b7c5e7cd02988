// embind bindings for self-attention (issue 11): the workspace (attention_workspace.h) and the
// shuffle-experiment helpers (attention_shuffle.h). Translation of types only.
//
//   const ws = new Module.AttentionWorkspace();
//   ws.compute(tokens /* Float32Array n*d */, options /* every field below, no defaults here */);
//     options: { n, d, heads, proj: 'identity'|'random', scale: bool, causal: bool, seed,
//                tokenScale, positions: 'none'|'sinusoidal'|'learned', base, layout, positionSeed,
//                stddev, order: Int32Array (empty = the sentence as given), output: bool }
//   ws.scores(), ws.weights()   zero-copy Float32Array views, heads x n x n (head-major)
//   ws.output()                 view, n x d (empty unless output was asked for)
//   ws.work()                   { drewWeights, projectedTokens, projectedPositions } of the last compute
//   ws.shuffle(tokens, options) the shuffle experiment with options.order as the shuffle; returns the
//                               largest differences { scores, weights }; then scores()/weights() are
//                               the shuffled sentence's, originalScores()/originalWeights() and
//                               restoredScores()/restoredWeights() (back in the original order) views
//   ws.delete()
// A view dies when WASM memory grows (any later call may grow it): copy or use it before the
// next call. web/core/attention.js wraps this with copies and defaults.
//
// Every function that can throw goes through guard(): JS gets an Error with the core's message.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "guard.h"
#include "transformer/attention_config.h"
#include "transformer/attention_shuffle.h"
#include "transformer/attention_workspace.h"
#include "transformer/position_limits.h"

using namespace emscripten;

namespace embplay::wasm {
namespace {

std::string string_field(const val& options, const char* name) {
  const val v = options[name];
  if (!v.isString()) throw std::invalid_argument(std::string("attention option '") + name + "' must be a string");
  return v.as<std::string>();
}

double number_field(const val& options, const char* name) {
  const val v = options[name];
  if (!v.isNumber()) throw std::invalid_argument(std::string("attention option '") + name + "' must be a number");
  return v.as<double>();
}

std::vector<std::uint32_t> order_field(const val& options, std::size_t n) {
  const val v = options["order"];
  if (v.isUndefined() || v.isNull()) return {};
  const std::vector<double> raw = convertJSArrayToNumberVector<double>(v);
  std::vector<std::uint32_t> order;
  order.reserve(raw.size());
  for (const double t : raw) {
    if (!(t >= 0 && t < static_cast<double>(n)) || t != static_cast<double>(static_cast<std::uint32_t>(t))) {
      throw std::invalid_argument("the token order is not a permutation of 0.." + std::to_string(n - 1));
    }
    order.push_back(static_cast<std::uint32_t>(t));
  }
  return order;
}

AttentionInputSpec input_spec(const val& options) {
  AttentionInputSpec spec;
  const double scale = number_field(options, "tokenScale");
  if (!(scale >= 0.0 && scale <= kMaxTokenScale)) {
    throw std::invalid_argument("token scale must be a number between 0 and 10000, got " + std::to_string(scale));
  }
  spec.token_scale = static_cast<float>(scale);
  spec.positions = parse_attention_positions(string_field(options, "positions"));
  spec.base = number_field(options, "base");
  spec.layout = parse_pe_layout(string_field(options, "layout"));
  spec.position_seed = checked_seed(number_field(options, "positionSeed"));
  spec.learned_stddev = number_field(options, "stddev");
  return spec;
}

// One call's settings, read from the JS options object.
struct Request {
  AttentionConfig config;
  AttentionInputSpec spec;
  std::vector<float> rows;
  std::vector<std::uint32_t> order;
  bool output = false;
};

Request read_request(const val& tokens, const val& options) {
  Request r;
  r.config = checked_attention_config(number_field(options, "n"), number_field(options, "d"),
                                      number_field(options, "heads"),
                                      parse_attention_projection(string_field(options, "proj")),
                                      options["scale"].as<bool>(), options["causal"].as<bool>(),
                                      number_field(options, "seed"));
  r.spec = input_spec(options);
  check_attention_input_spec(r.spec);
  const std::size_t cells = r.config.tokens * r.config.d_model;
  const std::size_t given = tokens["length"].as<std::size_t>();
  if (given != cells) {
    throw std::invalid_argument("the token rows hold " + std::to_string(given) + " values, n x d = " +
                                std::to_string(r.config.tokens) + " x " + std::to_string(r.config.d_model) + " = " +
                                std::to_string(cells) + " expected");
  }
  r.rows = convertJSArrayToNumberVector<float>(tokens);
  r.order = order_field(options, r.config.tokens);
  r.output = options["output"].as<bool>();
  return r;
}

class AttentionBinding {
 public:
  void compute(val tokens, val options) {
    guard([&] {
      const Request r = read_request(tokens, options);
      workspace_.compute(r.config, r.spec, r.rows.data(), r.order, r.output);
    });
  }

  // The shuffle experiment (attention_shuffle.h) with options.order as the shuffle: afterwards
  // scores()/weights() hold the shuffled sentence's result, original*/restored* the other two.
  val shuffle(val tokens, val options) {
    return guard([&] {
      const Request r = read_request(tokens, options);
      run_shuffle_experiment(workspace_, r.config, r.spec, r.rows.data(), r.order, experiment_);
      val out = val::object();
      out.set("scores", experiment_.max_score_difference);
      out.set("weights", experiment_.max_weight_difference);
      return out;
    });
  }

  val scores() const { return view(workspace_.result().scores); }
  val weights() const { return view(workspace_.result().weights); }
  val output() const { return view(workspace_.result().output); }
  val original_scores() const { return view(experiment_.original.scores); }
  val original_weights() const { return view(experiment_.original.weights); }
  val restored_scores() const { return view(experiment_.restored.scores); }
  val restored_weights() const { return view(experiment_.restored.weights); }

  val work() const {
    const AttentionWork& w = workspace_.last_work();
    val out = val::object();
    out.set("drewWeights", w.drew_weights);
    out.set("projectedTokens", w.projected_tokens);
    out.set("projectedPositions", w.projected_positions);
    return out;
  }

 private:
  static val view(const std::vector<float>& v) { return val(typed_memory_view(v.size(), v.data())); }
  AttentionWorkspace workspace_;
  ShuffleExperiment experiment_;
};

val shuffled_order_copy(double n, double seed) {
  return guard([&] {
    if (!(n >= 1 && n <= static_cast<double>(kMaxAttentionTokens)) || n != static_cast<double>(static_cast<std::size_t>(n))) {
      throw std::invalid_argument("a shuffle takes between 1 and " + std::to_string(kMaxAttentionTokens) + " tokens");
    }
    return copy_to_js(shuffled_order(static_cast<std::size_t>(n), checked_seed(seed)));
  });
}

// { found, first, second } for token ids (Int32Array or numbers).
val repeated_token(val ids) {
  return guard([&] {
    const RepeatedToken r = find_repeated_token(ids_from_js(ids));
    val out = val::object();
    out.set("found", r.found);
    out.set("first", static_cast<double>(r.first));
    out.set("second", static_cast<double>(r.second));
    return out;
  });
}

// max |row first - row second| of one n x n matrix.
double row_difference_of(val matrix, double n, double first, double second) {
  return guard([&] {
    const std::vector<float> m = convertJSArrayToNumberVector<float>(matrix);
    const auto size = static_cast<std::size_t>(n);
    if (!(n >= 1) || static_cast<double>(size) != n || m.size() != size * size) {
      throw std::invalid_argument("the matrix is not n x n");
    }
    if (!(first >= 0 && second >= 0)) throw std::invalid_argument("row index outside the matrix");
    return row_difference(m.data(), size, static_cast<std::size_t>(first), static_cast<std::size_t>(second));
  });
}

val attention_limits() {
  val out = val::object();
  out.set("maxTokens", static_cast<double>(kMaxAttentionTokens));
  out.set("maxHeads", static_cast<double>(kMaxAttentionHeads));
  out.set("maxDModel", static_cast<double>(kPagePositionLimits.max_d_model));
  out.set("maxInput", kMaxAttentionInput);
  out.set("maxTokenScale", kMaxTokenScale);
  return out;
}

}  // namespace
}  // namespace embplay::wasm

EMSCRIPTEN_BINDINGS(attention) {
  using namespace embplay::wasm;
  class_<AttentionBinding>("AttentionWorkspace")
      .constructor<>()
      .function("compute", &AttentionBinding::compute)
      .function("scores", &AttentionBinding::scores)
      .function("weights", &AttentionBinding::weights)
      .function("output", &AttentionBinding::output)
      .function("shuffle", &AttentionBinding::shuffle)
      .function("originalScores", &AttentionBinding::original_scores)
      .function("originalWeights", &AttentionBinding::original_weights)
      .function("restoredScores", &AttentionBinding::restored_scores)
      .function("restoredWeights", &AttentionBinding::restored_weights)
      .function("work", &AttentionBinding::work);
  function("attentionShuffledOrder", &shuffled_order_copy);
  function("attentionRepeatedToken", &repeated_token);
  function("attentionRowDifference", &row_difference_of);
  function("attentionLimits", &attention_limits);
}
