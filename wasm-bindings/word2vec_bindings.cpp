// embind bindings for the CBOW trainer (issue 3), word vectors, and word2vec files.
// Translation of types only; the core is src/training/word2vec_trainer.h and its neighbours.
//
//   const t = Module.createWord2vecTrainer(text, {size: 100, window: 5, ..., batch: 1, seed: 1});
//     options.arch: 'cbow' (default) | 'skipgram' (alpha defaults to 0.025 then, as word2vec);
//     options.subwords: true for fastText's subword model, with minn, maxn, bucket
//     t.subwordModel() -> SubwordModel (fasttext_bindings.cpp): vectors of unseen words, .bin bytes
//     options.tokenizer: 'whitespace' (default, as word2vec) | 'word' | 'char' | 'bpe' | 'gpt2',
//     with lowercase (word, char, bpe), merges (bpe) and gpt2Ranks (gpt2: the bytes of gpt2-ranks.bin)
//   while (!(p = t.train(200000)).finished) postMessage(p);   // in a Web Worker, chunk by chunk
//   t.vectors()      -> Float32Array copy, row-major (vocabSize x dim), words in t.words() order
//   t.wordVectors()  -> WordVectors snapshot: neighbors(word, k[, metric]), analogy(a, b, c, k), toWord2Vec(binary)
//                       (metric 'cosine', the default, or 'euclidean': then the score is the distance)
//   Module.parseWord2Vec(bytes) -> WordVectors from a word2vec text or binary file (Uint8Array)
//   Module.createWordSpace(wv) -> the same neighbors/analogy, with the rows scaled once for many
//                       questions (src/vectors/word_space.h), and direction([[a, b], ...]) -> Float32Array of
//                       every word's projection on the a -> b direction; it keeps wv alive
// Errors (bad options, empty corpus, divergence, broken files) arrive as JS Errors.
// WASM has no threads here: options.threads must be absent or 1.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "training/word2vec_trainer.h"
#include "gpt2/gpt2_bpe.h"
#include "guard.h"
#include "training/training_tokens.h"
#include "vectors/word2vec_format.h"
#include "vectors/word_space.h"

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

bool option_bool(const val& options, const char* name);
std::string option_string(const val& options, const char* name, const std::string& fallback);

Word2vecConfig config_from(const val& o) {
  Word2vecConfig c;
  c.arch = parse_architecture(option_string(o, "arch", "cbow"));
  if (c.arch == Architecture::SkipGram) c.alpha = 0.025;
  c.subwords = option_bool(o, "subwords");
  c.ngrams.minn = static_cast<int>(option_int(o, "minn", c.ngrams.minn, 1, kMaxNgramLength));
  c.ngrams.maxn = static_cast<int>(option_int(o, "maxn", c.ngrams.maxn, 1, kMaxNgramLength));
  c.ngrams.bucket = static_cast<std::uint32_t>(option_int(o, "bucket", c.ngrams.bucket, 1, static_cast<long long>(kMaxBucket)));
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

bool option_bool(const val& options, const char* name) {
  if (options.isUndefined() || options.isNull()) return false;
  const val v = options[name];
  if (v.isUndefined() || v.isNull()) return false;
  if (!v.isTrue() && !v.isFalse()) throw std::invalid_argument(std::string(name) + " must be true or false");
  return v.isTrue();
}

std::string option_string(const val& options, const char* name, const std::string& fallback) {
  if (options.isUndefined() || options.isNull()) return fallback;
  const val v = options[name];
  if (v.isUndefined() || v.isNull()) return fallback;
  if (!v.isString()) throw std::invalid_argument(std::string(name) + " must be a string");
  return v.as<std::string>();
}

// The training words (training_tokens.h); a GPT-2 tokenizer only while they are built.
TrainingCorpus corpus_from(const std::string& text, const val& o, std::uint64_t min_count) {
  TrainingTokenOptions t;
  t.split = parse_training_split(option_string(o, "tokenizer", "whitespace"));
  t.lowercase = option_bool(o, "lowercase");
  t.merges = static_cast<int>(option_int(o, "merges", t.merges, 0, kMaxMerges));
  std::unique_ptr<Gpt2Bpe> gpt2;
  if (t.split == TrainingSplit::Gpt2) {
    const val ranks = o["gpt2Ranks"];
    if (ranks.isUndefined() || ranks.isNull()) throw std::invalid_argument("gpt2Ranks (the bytes of gpt2-ranks.bin) is missing");
    gpt2 = std::make_unique<Gpt2Bpe>(ranks.as<std::string>());
    t.gpt2 = gpt2.get();
  }
  return make_training_corpus(text, t, min_count);
}

std::shared_ptr<Word2vecTrainer> create_trainer(std::string text, val options) {
  return guard([&] {
    const Word2vecConfig config = config_from(options);
    return std::make_shared<Word2vecTrainer>(corpus_from(text, options, config.min_count), config);
  });
}

val progress_to_js(const Word2vecProgress& p) {
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

val trainer_train(Word2vecTrainer& t, double n_words) {
  return guard([&] {
    if (!(n_words >= 1)) throw std::invalid_argument("train(n): n must be at least 1");
    return progress_to_js(t.train(static_cast<std::uint64_t>(std::min(n_words, 1e15))));
  });
}
val trainer_progress(const Word2vecTrainer& t) { return progress_to_js(t.progress()); }
double trainer_vocab_size(const Word2vecTrainer& t) { return static_cast<double>(t.corpus().vocabulary().size() - 1); }
int trainer_dim(const Word2vecTrainer& t) { return t.config().size; }
double trainer_corpus_words(const Word2vecTrainer& t) { return static_cast<double>(t.corpus().words()); }

// The vocabulary without [UNK], most frequent first: row i of vectors() is words()[i].
val trainer_words(const Word2vecTrainer& t) {
  const Vocabulary& v = t.corpus().vocabulary();
  val out = val::array();
  for (std::size_t id = 1; id < v.size(); ++id) out.call<void>("push", v.token(static_cast<std::int32_t>(id)));
  return out;
}
val trainer_counts(const Word2vecTrainer& t) {
  const auto& counts = t.corpus().vocabulary().counts();
  std::vector<double> out(counts.begin() + 1, counts.end());
  return copy_to_js(out);
}
// With subwords each row is the word's mean of its own and its n-gram rows.
val trainer_vectors(const Word2vecTrainer& t) {
  if (t.config().subwords) {
    return guard([&] {
      const WordVectors v = t.word_vectors();
      return copy_to_js(v.vectors().data(), static_cast<std::size_t>(v.vectors().size()));
    });
  }
  const RowMatrix& m = t.input_vectors();
  return copy_to_js(m.data() + m.cols(), static_cast<std::size_t>((m.rows() - 1) * m.cols()));
}
val trainer_warnings(const Word2vecTrainer& t) {
  val out = val::array();
  for (const auto& w : t.warnings()) out.call<void>("push", w);
  return out;
}
std::shared_ptr<WordVectors> trainer_word_vectors(const Word2vecTrainer& t) {
  return guard([&] { return std::make_shared<WordVectors>(t.word_vectors()); });
}

std::shared_ptr<SubwordModel> trainer_subword_model(const Word2vecTrainer& t) {
  return guard([&] {
    if (!t.config().subwords) throw std::invalid_argument("subwordModel() needs a trainer created with subwords: true");
    return std::make_shared<SubwordModel>(t.subword_model());
  });
}
std::string trainer_arch(const Word2vecTrainer& t) { return architecture_name(t.config().arch); }
bool trainer_subwords(const Word2vecTrainer& t) { return t.config().subwords; }

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
// Rows [first, first + count) as a Float32Array copy (a word's row, the plotted words).
val vectors_rows(const WordVectors& v, double first, double count) {
  return guard([&] {
    const auto n = static_cast<double>(v.size());
    if (!(first >= 0 && count >= 0 && first + count <= n) || first != std::floor(first) || count != std::floor(count)) {
      throw std::out_of_range("rows(first, count): not a range of whole rows within the " + std::to_string(v.size()) + " words");
    }
    const std::size_t dim = v.dim();
    return copy_to_js(v.vectors().data() + static_cast<std::size_t>(first) * dim, static_cast<std::size_t>(count) * dim);
  });
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

// 'cosine' | 'euclidean'; undefined or null = cosine.
Metric metric_from(const val& metric) {
  if (metric.isUndefined() || metric.isNull()) return Metric::Cosine;
  if (!metric.isString()) throw std::invalid_argument("metric must be 'cosine' or 'euclidean'");
  return parse_metric(metric.as<std::string>());
}

val space_neighbors_by(const WordSpace& space, std::string word, double k, val metric) {
  return guard([&] {
    const Metric m = metric_from(metric);
    return neighbors_to_js(space.vectors(), space.neighbors(word, checked_k(k), m));
  });
}
val space_neighbors(const WordSpace& space, std::string word, double k) {
  return space_neighbors_by(space, std::move(word), k, val::undefined());
}
val space_analogy(const WordSpace& space, std::string a, std::string b, std::string c, double k) {
  return guard([&] { return neighbors_to_js(space.vectors(), space.analogy(a, b, c, checked_k(k))); });
}
// pairs: [[a, b], ...] words -> Float32Array of every word's projection on the a -> b direction.
val space_direction(const WordSpace& space, val pairs) {
  return guard([&] {
    if (!pairs.isArray()) throw std::invalid_argument("direction(pairs): pairs must be an array of [a, b] word pairs");
    std::vector<std::pair<std::string, std::string>> words;
    const auto n = pairs["length"].as<std::size_t>();
    for (std::size_t i = 0; i < n; ++i) {
      const val pair = pairs[i];
      if (!pair.isArray() || pair["length"].as<std::size_t>() != 2 || !pair[0].isString() || !pair[1].isString()) {
        throw std::invalid_argument("direction(pairs): each pair must be two words");
      }
      words.emplace_back(pair[0].as<std::string>(), pair[1].as<std::string>());
    }
    const Eigen::VectorXf scores = space.direction(words);
    return copy_to_js(scores.data(), static_cast<std::size_t>(scores.size()));
  });
}
std::shared_ptr<WordSpace> create_word_space(std::shared_ptr<WordVectors> v) {
  return guard([&] { return std::make_shared<WordSpace>(std::move(v)); });
}

// One-off questions on WordVectors: a space over them for this call only (it borrows the
// vectors; the caller's object outlives the call). Cache a createWordSpace(v) to ask many.
WordSpace borrowed_space(const WordVectors& v) {
  return WordSpace(std::shared_ptr<const WordVectors>(std::shared_ptr<void>(), &v));
}
val vectors_neighbors_by(const WordVectors& v, std::string word, double k, val metric) {
  return guard([&] {
    const Metric m = metric_from(metric);
    const std::size_t kk = checked_k(k);
    return neighbors_to_js(v, borrowed_space(v).neighbors(word, kk, m));
  });
}
val vectors_neighbors(const WordVectors& v, std::string word, double k) {
  return vectors_neighbors_by(v, std::move(word), k, val::undefined());
}
val vectors_analogy(const WordVectors& v, std::string a, std::string b, std::string c, double k) {
  return guard([&] {
    const std::size_t kk = checked_k(k);
    return neighbors_to_js(v, borrowed_space(v).analogy(a, b, c, kk));
  });
}

}  // namespace
}  // namespace embplay::wasm

EMSCRIPTEN_BINDINGS(cbow) {
  using namespace embplay;
  using namespace embplay::wasm;
  class_<Word2vecTrainer>("Word2vecTrainer")
      .smart_ptr<std::shared_ptr<Word2vecTrainer>>("Word2vecTrainerPtr")
      .function("train", &trainer_train)
      .function("progress", &trainer_progress)
      .function("vocabSize", &trainer_vocab_size)
      .function("dim", &trainer_dim)
      .function("corpusWords", &trainer_corpus_words)
      .function("words", &trainer_words)
      .function("counts", &trainer_counts)
      .function("vectors", &trainer_vectors)
      .function("warnings", &trainer_warnings)
      .function("wordVectors", &trainer_word_vectors)
      .function("subwordModel", &trainer_subword_model)
      .function("arch", &trainer_arch)
      .function("subwords", &trainer_subwords);
  function("createWord2vecTrainer", &create_trainer);

  class_<WordVectors>("WordVectors")
      .smart_ptr<std::shared_ptr<WordVectors>>("WordVectorsPtr")
      .function("size", &vectors_size)
      .function("dim", &vectors_dim)
      .function("word", &vectors_word)
      .function("indexOf", &vectors_index_of)
      .function("vectors", &vectors_matrix)
      .function("rows", &vectors_rows)
      .function("neighbors", &vectors_neighbors)
      .function("neighbors", &vectors_neighbors_by)
      .function("analogy", &vectors_analogy)
      .function("toWord2Vec", &word2vec_bytes);
  function("parseWord2Vec", &parse_word2vec);

  class_<WordSpace>("WordSpace")
      .smart_ptr<std::shared_ptr<WordSpace>>("WordSpacePtr")
      .function("neighbors", &space_neighbors)
      .function("neighbors", &space_neighbors_by)
      .function("analogy", &space_analogy)
      .function("direction", &space_direction);
  function("createWordSpace", &create_word_space);
}
