// embind bindings for the subword model and fastText .bin files (issue 12). Translation of
// types only; the core is src/fasttext/.
//
//   const m = trainer.subwordModel();            // or Module.parseFastTextBin(bytes)
//   m.size(), m.dim(), m.word(i), m.indexOf(word) (-1 if unseen)
//   m.vector(word)        -> Float32Array: the mean of its rows, for any string
//   m.pieces(word)        -> [{text, row, wholeWord}]: its own row (if seen) and n-grams, in order
//   m.pieceRows(word)     -> Float32Array (pieces x dim): each piece's row; vector = their mean
//   m.wordVectors()       -> WordVectors of every vocabulary word (neighbors, analogy, toWord2Vec)
//   m.toFastTextBin()     -> Uint8Array: a .bin fastText 0.9.2 and gensim load
//   m.vectorLine(word)    -> "word v1 ... vd \n" as fasttext print-word-vectors prints it
//   const s = Module.createSubwordSpace(m);   // keeps m alive; vocabulary vectors scaled once
//   s.seen(word), s.neighbors(word, k[, metric]), s.analogy(a, b, c, k) -> [{word, score}] (unseen words too)
//   s.pieces(word)        -> [{text, wholeWord, share}]: each piece's share of the vector (they sum to 1)
// Errors (truncated, foreign or supervised files) arrive as JS Errors.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "fasttext/fasttext_format.h"
#include "fasttext/subword_model.h"
#include "fasttext/subword_space.h"
#include "guard.h"

using namespace emscripten;

namespace embplay::wasm {
namespace {

double model_size(const SubwordModel& m) { return static_cast<double>(m.size()); }
int model_dim(const SubwordModel& m) { return static_cast<int>(m.dim()); }
std::string model_word(const SubwordModel& m, double i) {
  return guard([&] {
    if (!(i >= 0 && i < static_cast<double>(m.size()))) throw std::out_of_range("word index out of range");
    return m.words()[static_cast<std::size_t>(i)];
  });
}
double model_index_of(const SubwordModel& m, std::string word) { return static_cast<double>(m.index_of(word)); }
val model_vector(const SubwordModel& m, std::string word) { return copy_to_js(m.vector(word)); }

val model_pieces(const SubwordModel& m, std::string word) {
  val out = val::array();
  for (const auto& p : m.pieces(word)) {
    val item = val::object();
    item.set("text", p.text);
    item.set("row", p.row);
    item.set("wholeWord", p.whole_word);
    out.call<void>("push", item);
  }
  return out;
}

val model_piece_rows(const SubwordModel& m, std::string word) {
  const auto rows = m.rows_of(word);
  std::vector<float> out;
  out.reserve(rows.size() * m.dim());
  for (auto r : rows) {
    const auto row = m.input().row(r);
    out.insert(out.end(), row.data(), row.data() + row.size());
  }
  return copy_to_js(out);
}

std::shared_ptr<WordVectors> model_word_vectors(const SubwordModel& m) {
  return guard([&] { return std::make_shared<WordVectors>(m.word_vectors()); });
}

val model_bin(const SubwordModel& m) {
  return guard([&] {
    const std::string bytes = to_fasttext_bin(m);
    return copy_to_js(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  });
}

std::string model_vector_line(const SubwordModel& m, std::string word) { return fasttext_vector_line(word, m.vector(word)); }

std::shared_ptr<SubwordModel> parse_fasttext_bin(std::string bytes) {
  return guard([&] { return std::make_shared<SubwordModel>(from_fasttext_bin(bytes)); });
}

std::shared_ptr<SubwordSpace> create_subword_space(std::shared_ptr<SubwordModel> m) {
  return guard([&] { return std::make_shared<SubwordSpace>(std::move(m)); });
}

std::size_t checked_k(double k) {
  if (!(k >= 1 && k <= 1e6)) throw std::invalid_argument("k must be between 1 and 1000000");
  return static_cast<std::size_t>(k);
}

val found_to_js(const SubwordSpace& s, const std::vector<Neighbor>& found) {
  val out = val::array();
  for (const auto& n : found) {
    val item = val::object();
    item.set("word", s.vectors().word(static_cast<std::size_t>(n.id)));
    item.set("score", n.score);
    out.call<void>("push", item);
  }
  return out;
}

bool space_seen(const SubwordSpace& s, std::string word) { return s.seen(word); }
val space_neighbors_by(const SubwordSpace& s, std::string word, double k, val metric) {
  return guard([&] {
    Metric m = Metric::Cosine;
    if (!metric.isUndefined() && !metric.isNull()) {
      if (!metric.isString()) throw std::invalid_argument("metric must be 'cosine' or 'euclidean'");
      m = parse_metric(metric.as<std::string>());
    }
    return found_to_js(s, s.neighbors(word, checked_k(k), m));
  });
}
val space_neighbors(const SubwordSpace& s, std::string word, double k) {
  return space_neighbors_by(s, std::move(word), k, val::undefined());
}
val space_analogy(const SubwordSpace& s, std::string a, std::string b, std::string c, double k) {
  return guard([&] { return found_to_js(s, s.analogy(a, b, c, checked_k(k))); });
}
val space_pieces(const SubwordSpace& s, std::string word) {
  val out = val::array();
  for (const auto& p : s.pieces(word)) {
    val item = val::object();
    item.set("text", p.text);
    item.set("wholeWord", p.whole_word);
    item.set("share", p.share);
    out.call<void>("push", item);
  }
  return out;
}

}  // namespace
}  // namespace embplay::wasm

EMSCRIPTEN_BINDINGS(fasttext) {
  using namespace embplay;
  using namespace embplay::wasm;
  class_<SubwordModel>("SubwordModel")
      .smart_ptr<std::shared_ptr<SubwordModel>>("SubwordModelPtr")
      .function("size", &model_size)
      .function("dim", &model_dim)
      .function("word", &model_word)
      .function("indexOf", &model_index_of)
      .function("vector", &model_vector)
      .function("pieces", &model_pieces)
      .function("pieceRows", &model_piece_rows)
      .function("wordVectors", &model_word_vectors)
      .function("toFastTextBin", &model_bin)
      .function("vectorLine", &model_vector_line);
  function("parseFastTextBin", &parse_fasttext_bin);

  class_<SubwordSpace>("SubwordSpace")
      .smart_ptr<std::shared_ptr<SubwordSpace>>("SubwordSpacePtr")
      .function("seen", &space_seen)
      .function("neighbors", &space_neighbors)
      .function("neighbors", &space_neighbors_by)
      .function("analogy", &space_analogy)
      .function("pieces", &space_pieces);
  function("createSubwordSpace", &create_subword_space);
}
