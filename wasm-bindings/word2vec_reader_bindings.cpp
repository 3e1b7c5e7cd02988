// embind bindings for reading a word2vec file a slice at a time (src/vectors/word2vec_reader.h), so the
// training worker (web/core/vector-file-reader.js) can show progress and stay cancellable:
//
//   const r = Module.createWord2VecReader(bytes);  // Uint8Array, copied once into the WASM heap
//   let p; do p = r.read(2000); while (!p.done);   // { rowsRead, rowsExpected, fraction, done }
//   const wv = r.finish();                         // WordVectors (word2vec_bindings.cpp); frees the file's bytes
//   r.delete();
//   Module.wordVectorsWords(wv) -> every word, in row order (one call instead of one per word)
// Broken files arrive as JS Errors with the core's message; a reader that has thrown is spent.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "guard.h"
#include "vectors/word2vec_reader.h"

using namespace emscripten;

namespace embplay::wasm {
namespace {

// The file's bytes in the WASM heap and the reader over them (which keeps a view).
class Word2VecReaderJob {
 public:
  explicit Word2VecReaderJob(const val& bytes) {
    const double n = bytes["length"].as<double>();
    if (!(n >= 0 && n < 4294967296.0)) throw std::invalid_argument("word2vec file: expected the file's bytes (a Uint8Array)");
    size_ = static_cast<std::size_t>(n);
    bytes_.reset(new char[size_ ? size_ : 1]);
    // One copy, JS -> heap, by the typed array's set (a memcpy), not embind's byte-by-byte std::string.
    val(typed_memory_view(size_, reinterpret_cast<unsigned char*>(bytes_.get()))).call<void>("set", bytes);
    reader_.emplace(std::string_view(bytes_.get(), size_));
  }

  val read(double max_rows) {
    if (!(max_rows >= 1 && max_rows <= 1e9)) throw std::invalid_argument("read(n): n must be between 1 and 1000000000");
    return to_js(reader().read(static_cast<std::size_t>(max_rows)));
  }
  val progress() { return to_js(reader().progress()); }
  int dim() { return static_cast<int>(reader().layout().dim); }

  std::shared_ptr<WordVectors> finish() {
    auto vectors = std::make_shared<WordVectors>(reader().finish());
    reader_.reset();
    bytes_.reset();  // the file is no longer needed: give its memory back to the heap
    return vectors;
  }

 private:
  Word2VecReader& reader() {
    if (!reader_) throw std::logic_error("word2vec reader: used after finish()");
    return *reader_;
  }

  static val to_js(const Word2VecProgress& p) {
    val o = val::object();
    o.set("rowsRead", static_cast<double>(p.rows_read));
    o.set("rowsExpected", static_cast<double>(p.rows_expected));
    o.set("fraction", p.fraction);
    o.set("done", p.done);
    return o;
  }

  std::unique_ptr<char[]> bytes_;
  std::size_t size_ = 0;
  std::optional<Word2VecReader> reader_;
};

std::shared_ptr<Word2VecReaderJob> create_reader(val bytes) {
  return guard([&] { return std::make_shared<Word2VecReaderJob>(bytes); });
}
val reader_read(Word2VecReaderJob& r, double max_rows) { return guard([&] { return r.read(max_rows); }); }
val reader_progress(Word2VecReaderJob& r) { return guard([&] { return r.progress(); }); }
int reader_dim(Word2VecReaderJob& r) { return guard([&] { return r.dim(); }); }
std::shared_ptr<WordVectors> reader_finish(Word2VecReaderJob& r) { return guard([&] { return r.finish(); }); }

// All words joined by '\n' (a word never holds whitespace), split in JS: one string crossing
// the boundary instead of 100,000 calls of word(i).
val word_vectors_words(const WordVectors& v) {
  std::string joined;
  for (const auto& w : v.words()) {
    joined += w;
    joined += '\n';
  }
  if (!joined.empty()) joined.pop_back();
  return val(joined).call<val>("split", std::string("\n"));
}

}  // namespace
}  // namespace embplay::wasm

EMSCRIPTEN_BINDINGS(word2vec_reader) {
  using namespace embplay::wasm;
  class_<Word2VecReaderJob>("Word2VecReader")
      .smart_ptr<std::shared_ptr<Word2VecReaderJob>>("Word2VecReaderPtr")
      .function("read", &reader_read)
      .function("progress", &reader_progress)
      .function("dim", &reader_dim)
      .function("finish", &reader_finish);
  function("createWord2VecReader", &create_reader);
  function("wordVectorsWords", &word_vectors_words);
}
