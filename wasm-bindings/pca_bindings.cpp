// embind bindings for the PCA projection (src/vectors/pca_projection.h). Translation of types only.
//
//   Module.pcaProject(vectors, rows, dim, k, previousAxes?)   // vectors: Float32Array rows x dim
//   Module.pcaProjectTrainer(trainer, rows, k, previousAxes?) // the trainer's first `rows` words
//     -> { coords: Float32Array rows x k, axes: Float32Array k x dim, explained: Float64Array k }
// previousAxes (the last call's axes) keeps the signs of the axes from frame to frame.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <stdexcept>
#include <string>

#include "training/word2vec_trainer.h"
#include "guard.h"
#include "vectors/pca_projection.h"

using namespace emscripten;

namespace embplay::wasm {
namespace {

RowMatrix matrix_from_js(const val& array, std::size_t rows, std::size_t cols) {
  const std::vector<float> values = convertJSArrayToNumberVector<float>(array);
  if (values.size() != rows * cols) {
    throw std::invalid_argument("expected " + std::to_string(rows * cols) + " numbers (" + std::to_string(rows) + " x " +
                                std::to_string(cols) + "), got " + std::to_string(values.size()));
  }
  return Eigen::Map<const RowMatrix>(values.data(), static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
}

std::size_t checked_count(double v, const char* name) {
  if (!(v >= 1 && v <= 1e9) || v != static_cast<double>(static_cast<std::size_t>(v))) {
    throw std::invalid_argument(std::string(name) + " must be a positive whole number");
  }
  return static_cast<std::size_t>(v);
}

val projection_to_js(const PcaProjection& p) {
  val out = val::object();
  out.set("coords", copy_to_js(p.coords.data(), static_cast<std::size_t>(p.coords.size())));
  out.set("axes", copy_to_js(p.axes.data(), static_cast<std::size_t>(p.axes.size())));
  out.set("explained", copy_to_js(p.explained));
  return out;
}

val project(const RowMatrix& x, int k, const val& previous) {
  if (previous.isUndefined() || previous.isNull()) return projection_to_js(pca_project(x, k));
  const RowMatrix axes = matrix_from_js(previous, static_cast<std::size_t>(k), static_cast<std::size_t>(x.cols()));
  return projection_to_js(pca_project(x, k, &axes));
}

val pca_project_js(val vectors, double rows, double dim, int k, val previous) {
  return guard([&] {
    const RowMatrix x = matrix_from_js(vectors, checked_count(rows, "rows"), checked_count(dim, "dim"));
    return project(x, k, previous);
  });
}

// The input vectors of the `rows` most frequent words (rows 1..rows; row 0 is [UNK]); with
// subwords, their vectors (the mean of each word's own and n-gram rows).
val pca_project_trainer(const Word2vecTrainer& t, double rows, int k, val previous) {
  return guard([&] {
    const double words = static_cast<double>(t.corpus().vocabulary().size() - 1);
    const auto n = static_cast<Eigen::Index>(std::min<double>(checked_count(rows, "rows"), words));
    if (t.config().subwords) return project(t.word_vectors().vectors().topRows(n), k, previous);
    const RowMatrix x = t.input_vectors().middleRows(1, n);
    return project(x, k, previous);
  });
}

}  // namespace
}  // namespace embplay::wasm

EMSCRIPTEN_BINDINGS(pca) {
  using namespace embplay::wasm;
  function("pcaProject", &pca_project_js);
  function("pcaProjectTrainer", &pca_project_trainer);
}
