// embind bindings for t-SNE (src/vectors/tsne.h). Translation of types only.
//
//   const t = Module.createTsne(vectors, rows, dim, { perplexity: 30, seed: 1 });  // vectors: Float32Array rows x dim
//   t.step(20); t.coords() -> Float32Array rows x 2; t.iteration(); t.delete();
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "guard.h"
#include "vectors/tsne.h"

using namespace emscripten;

namespace embplay::wasm {
namespace {

double number_option(const val& o, const char* name, double fallback) {
  if (o.isUndefined() || o.isNull() || o[name].isUndefined()) return fallback;
  if (!o[name].isNumber()) throw std::invalid_argument(std::string(name) + " must be a number");
  return o[name].as<double>();
}

std::shared_ptr<Tsne> create_tsne(val vectors, double rows, double dim, val options) {
  return guard([&] {
    if (!(rows >= 1 && dim >= 1 && rows <= 1e7 && dim <= 1e5)) throw std::invalid_argument("rows and dim must be positive");
    const std::vector<float> values = convertJSArrayToNumberVector<float>(vectors);
    const auto n = static_cast<std::size_t>(rows);
    const auto d = static_cast<std::size_t>(dim);
    if (values.size() != n * d) throw std::invalid_argument("expected rows x dim numbers");
    TsneConfig config;
    config.perplexity = number_option(options, "perplexity", config.perplexity);
    config.learning_rate = number_option(options, "learningRate", config.learning_rate);
    config.seed = static_cast<std::uint64_t>(number_option(options, "seed", 1));
    const RowMatrix x = Eigen::Map<const RowMatrix>(values.data(), static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
    return std::make_shared<Tsne>(x, config);
  });
}

void tsne_step(Tsne& t, int iterations) {
  guard([&] {
    if (iterations < 1 || iterations > 100000) throw std::invalid_argument("t-SNE steps must be between 1 and 100000");
    t.step(iterations);
  });
}
val tsne_coords(const Tsne& t) { return copy_to_js(t.coords().data(), static_cast<std::size_t>(t.coords().size())); }
int tsne_iteration(const Tsne& t) { return t.iteration(); }
double tsne_perplexity(const Tsne& t) { return t.perplexity(); }

}  // namespace
}  // namespace embplay::wasm

EMSCRIPTEN_BINDINGS(tsne) {
  using namespace embplay;
  using namespace embplay::wasm;
  class_<Tsne>("Tsne")
      .smart_ptr<std::shared_ptr<Tsne>>("TsnePtr")
      .function("step", &tsne_step)
      .function("coords", &tsne_coords)
      .function("iteration", &tsne_iteration)
      .function("perplexity", &tsne_perplexity);
  function("createTsne", &create_tsne);
}
