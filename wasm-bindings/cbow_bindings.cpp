// embind bindings for the CBOW trainer (issue 3), word vectors, and word2vec files.
// Translation of types only; the core is src/cbow_trainer.h and its neighbours.
//
//   const t = Module.createCbowTrainer(text, {size: 100, window: 5, ..., batch: 1, seed: 1});
//   while (!(p = t.train(200000)).finished) postMessage(p);   // in a Web Worker, chunk by chunk
//   t.vectors()      -> Float32Array copy, row-major (vocabSize x dim), words in t.words() order
//   t.wordVectors()  -> WordVectors snapshot: neighbors(word, k), analogy(a, b, c, k), toWord2Vec(binary)
//   Module.parseWord2Vec(bytes) -> WordVectors from a word2vec text or binary file (Uint8Array)
// Errors (bad options, empty corpus, divergence, broken files) arrive as JS Errors.
// WASM has no threads here: options.threads must be absent or 1.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>

#include "cbow_trainer.h"
#include "guard.h"
#include "vector_search.h"
#include "word2vec_format.h"

using namespace emscripten;

namespace embplay::wasm {
namespace {

// options[name] as an integer in [min, max], or `fallback` when absent.
double option_number(const val& options, const char* name, double fallback) {
  if (options.isUndefined() || options.isNull()) return fallback;
  const val v = options[name];
  if (v.isUndefined() || v.isNull()) return fallback;
  if (!v.isNumber()) throw std::invalid_argument(std::string(name) + " must be a number");
  return v.as<double>();
}

long long option_int(const val& options, const char* name, long long fallback, long long min, long long max) {
  const double v = option_number(options, name, static_cast<double>(fallback));
  if (!(v == std::floor(v)) || v < static_cast<double>(min) || v > static_cast<double>(max)) {
    throw std::invalid_argument(std::string(name) + " must be an integer between " + std::to_string(min) + " and " +
                                std::to_string(max));
  }
  return static_cast<long long>(v);
}

CbowConfig config_from(const val& o) {
  CbowConfig c;
  c.size = static_cast<int>(option_int(o, "size", c.size, 1, kMaxVectorSize));
  c.window = static_cast<int>(option_int(o, "window", c.window, 1, kMaxWindow));
  c.negative = static_cast<int>(option_int(o, "negative", c.negative, 1, kMaxNegative));
  c.sample = option_number(o, "sample", c.sample);
  c.min_count = static_cast<std::uint64_t>(option_int(o, "minCount", static_cast<long long>(c.min_count), 1, 1LL << 52));
  c.epochs = static_cast<int>(option_int(o, "epochs", c.epochs, 1, kMaxEpochs));
  c.alpha = option_number(o, "alpha", c.alpha);
  c.batch = static_cast<int>(option_int(o, "batch", c.batch, 1, kMaxBatch));
  c.seed = static_cast<std::uint64_t>(option_int(o, "seed", 1, 0, 1LL << 52));
  c.loss_window = static_cast<std::uint64_t>(option_int(o, "lossWindow", static_cast<long long>(c.loss_window), 1, 1LL << 52));
  if (option_int(o, "threads", 1, 1, kMaxThreads) != 1) {
    throw std::invalid_argument("threads must be 1 in WebAssembly (train in several Web Workers instead)");
  }
  validate(c);
  return c;
}

std::shared_ptr<CbowTrainer> create_trainer(std::string text, val options) {
  return guard([&] {
    const CbowConfig config = config_from(options);
    return std::make_shared<CbowTrainer>(TrainingCorpus::from_text(text, config.min_count), config);
  });
}

val progress_to_js(const CbowProgress& p) {
  val o = val::object();
  o.set("wordsDone", static_cast<double>(p.words_done));
  o.set("totalWords", static_cast<double>(p.total_words));
  o.set("epoch", p.epoch);
  o.set("loss", p.loss);
  o.set("learningRate", p.learning_rate);
  o.set("seconds", p.seconds);
  o.set("wordsPerSecond", p.words_per_second);
  o.set("etaSeconds", p.eta_seconds);
  o.set("finished", p.finished);
  return o;
}

val trainer_train(CbowTrainer& t, double n_words) {
  return guard([&] {
    if (!(n_words >= 1)) throw std::invalid_argument("train(n): n must be at least 1");
    return progress_to_js(t.train(static_cast<std::uint64_t>(std::min(n_words, 1e15))));
  });
}
val trainer_progress(const CbowTrainer& t) { return progress_to_js(t.progress()); }
double trainer_vocab_size(const CbowTrainer& t) { return static_cast<double>(t.corpus().vocabulary().size() - 1); }
int trainer_dim(const CbowTrainer& t) { return t.config().size; }
double trainer_corpus_words(const CbowTrainer& t) { return static_cast<double>(t.corpus().words()); }

// The vocabulary without [UNK], most frequent first: row i of vectors() is words()[i].
val trainer_words(const CbowTrainer& t) {
  const Vocabulary& v = t.corpus().vocabulary();
  val out = val::array();
  for (std::size_t id = 1; id < v.size(); ++id) out.call<void>("push", v.token(static_cast<std::int32_t>(id)));
  return out;
}
val trainer_counts(const CbowTrainer& t) {
  const auto& counts = t.corpus().vocabulary().counts();
  std::vector<double> out(counts.begin() + 1, counts.end());
  return copy_to_js(out);
}
val trainer_vectors(const CbowTrainer& t) {
  const RowMatrix& m = t.input_vectors();
  return copy_to_js(m.data() + m.cols(), static_cast<std::size_t>((m.rows() - 1) * m.cols()));
}
val trainer_warnings(const CbowTrainer& t) {
  val out = val::array();
  for (const auto& w : t.warnings()) out.call<void>("push", w);
  return out;
}
std::shared_ptr<WordVectors> trainer_word_vectors(const CbowTrainer& t) {
  return guard([&] { return std::make_shared<WordVectors>(t.word_vectors()); });
}

std::shared_ptr<WordVectors> parse_word2vec(std::string bytes) {
  return guard([&] { return std::make_shared<WordVectors>(from_word2vec(bytes)); });
}

val word2vec_bytes(const WordVectors& v, bool binary) {
  return guard([&] {
    const std::string bytes = to_word2vec(v, binary ? Word2VecFormat::Binary : Word2VecFormat::Text);
    return copy_to_js(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  });
}

double vectors_size(const WordVectors& v) { return static_cast<double>(v.size()); }
int vectors_dim(const WordVectors& v) { return static_cast<int>(v.dim()); }
std::string vectors_word(const WordVectors& v, double i) {
  return guard([&] {
    if (!(i >= 0 && i < static_cast<double>(v.size()))) throw std::out_of_range("word index out of range");
    return v.word(static_cast<std::size_t>(i));
  });
}
double vectors_index_of(const WordVectors& v, std::string word) { return static_cast<double>(v.index_of(word)); }
val vectors_matrix(const WordVectors& v) {
  return copy_to_js(v.vectors().data(), static_cast<std::size_t>(v.vectors().size()));
}

std::int32_t require_word(const WordVectors& v, const std::string& word) {
  const long row = v.index_of(word);
  if (row < 0) throw std::invalid_argument("'" + word + "' is not in the vocabulary");
  return static_cast<std::int32_t>(row);
}

std::size_t checked_k(double k) {
  if (!(k >= 1 && k <= 1e6)) throw std::invalid_argument("k must be between 1 and 1000000");
  return static_cast<std::size_t>(k);
}

val neighbors_to_js(const WordVectors& v, const std::vector<Neighbor>& found) {
  val out = val::array();
  for (const auto& n : found) {
    val item = val::object();
    item.set("word", v.word(static_cast<std::size_t>(n.id)));
    item.set("score", n.score);
    out.call<void>("push", item);
  }
  return out;
}

val vectors_neighbors(const WordVectors& v, std::string word, double k) {
  return guard([&] {
    const std::size_t kk = checked_k(k);
    const std::int32_t row = require_word(v, word);
    return neighbors_to_js(v, VectorSearch(v.vectors()).neighbors(row, kk));
  });
}

val vectors_analogy(const WordVectors& v, std::string a, std::string b, std::string c, double k) {
  return guard([&] {
    const std::size_t kk = checked_k(k);
    const VectorSearch search(v.vectors());
    return neighbors_to_js(v, search.analogy(require_word(v, a), require_word(v, b), require_word(v, c), kk));
  });
}

}  // namespace
}  // namespace embplay::wasm

EMSCRIPTEN_BINDINGS(cbow) {
  using namespace embplay;
  using namespace embplay::wasm;
  class_<CbowTrainer>("CbowTrainer")
      .smart_ptr<std::shared_ptr<CbowTrainer>>("CbowTrainerPtr")
      .function("train", &trainer_train)
      .function("progress", &trainer_progress)
      .function("vocabSize", &trainer_vocab_size)
      .function("dim", &trainer_dim)
      .function("corpusWords", &trainer_corpus_words)
      .function("words", &trainer_words)
      .function("counts", &trainer_counts)
      .function("vectors", &trainer_vectors)
      .function("warnings", &trainer_warnings)
      .function("wordVectors", &trainer_word_vectors);
  function("createCbowTrainer", &create_trainer);

  class_<WordVectors>("WordVectors")
      .smart_ptr<std::shared_ptr<WordVectors>>("WordVectorsPtr")
      .function("size", &vectors_size)
      .function("dim", &vectors_dim)
      .function("word", &vectors_word)
      .function("indexOf", &vectors_index_of)
      .function("vectors", &vectors_matrix)
      .function("neighbors", &vectors_neighbors)
      .function("analogy", &vectors_analogy)
      .function("toWord2Vec", &word2vec_bytes);
  function("parseWord2Vec", &parse_word2vec);
}
