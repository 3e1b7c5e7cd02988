// embind bindings for the foundation: tokenizer, token sequence, vocabulary, embedding table.
// Translation of types only; web/core/embplay.js wraps these into the page's JS API.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "transformer/embedding_table.h"
#include "guard.h"
#include "math/similarity.h"
#include "text/token_sequence.h"
#include "text/tokenizer.h"
#include "text/vocabulary.h"

using namespace emscripten;

namespace embplay::wasm {
namespace {

// Strings arrive as JS strings or Uint8Array bytes (embind copies either into std::string).
std::shared_ptr<Tokenizer> create_tokenizer(std::string mode, bool lowercase, bool keep_whitespace, int merges,
                                            std::string training_text) {
  return guard([&] {
    TokenizerOptions options{parse_tokenizer_mode(mode), lowercase, keep_whitespace, merges};
    return std::shared_ptr<Tokenizer>(make_tokenizer(options, training_text));
  });
}

TokenSequence tokenizer_encode(const Tokenizer& t, std::string text) { return guard([&] { return t.encode(text); }); }

val tokenizer_merges(const Tokenizer& t) {
  val out = val::array();
  for (const auto& m : t.merges()) {
    val item = val::object();
    item.set("left", m.left);
    item.set("right", m.right);
    item.set("count", static_cast<double>(m.count));
    out.call<void>("push", item);
  }
  return out;
}

std::string sequence_text(const TokenSequence& s, std::size_t i) {
  return guard([&] {
    if (i >= s.size()) throw std::out_of_range("token index out of range");
    return std::string(s.text(i));
  });
}
std::string sequence_display_text(const TokenSequence& s, std::size_t i) {
  return guard([&] {
    if (i >= s.size()) throw std::out_of_range("token index out of range");
    return s.display_text(i);
  });
}
// (embind in Emscripten 3.1.6 cannot bind noexcept member functions, hence these small wrappers.)
double sequence_size(const TokenSequence& s) { return static_cast<double>(s.size()); }
double sequence_invalid_utf8(const TokenSequence& s) { return static_cast<double>(s.invalid_utf8()); }
double vocabulary_size(const Vocabulary& v) { return static_cast<double>(v.size()); }
double table_vocab_size(const EmbeddingTable& t) { return static_cast<double>(t.vocab_size()); }
double table_d_model(const EmbeddingTable& t) { return static_cast<double>(t.d_model()); }
val sequence_starts(const TokenSequence& s) { return copy_to_js(s.starts()); }
val sequence_ends(const TokenSequence& s) { return copy_to_js(s.ends()); }
val sequence_continues(const TokenSequence& s) { return copy_to_js(s.continues()); }

Vocabulary build_vocabulary(const TokenSequence& tokens, double min_count, double max_size) {
  return guard([&] {
    if (!(min_count >= 1)) throw std::invalid_argument("min_count must be at least 1");
    if (!(max_size >= 0)) throw std::invalid_argument("max_size must be 0 (unlimited) or more");
    return Vocabulary::build(tokens, {static_cast<std::uint64_t>(min_count), static_cast<std::size_t>(max_size)});
  });
}
std::string vocabulary_token(const Vocabulary& v, int id) { return guard([&] { return v.token(id); }); }
double vocabulary_count(const Vocabulary& v, int id) { return guard([&] { return static_cast<double>(v.count(id)); }); }
int vocabulary_id_of(const Vocabulary& v, std::string token) { return v.id_of(token); }
val vocabulary_encode(const Vocabulary& v, const TokenSequence& tokens) { return copy_to_js(v.encode(tokens)); }
val vocabulary_counts(const Vocabulary& v) {
  std::vector<double> counts(v.counts().begin(), v.counts().end());
  return copy_to_js(counts);
}

std::shared_ptr<EmbeddingTable> create_embedding_table(double vocab_size, double d_model, double seed) {
  return guard([&] {
    if (!(vocab_size >= 1) || !(d_model >= 1)) throw std::invalid_argument("vocabulary size and d_model must be at least 1");
    if (!(seed >= 0)) throw std::invalid_argument("seed must be a non-negative integer");
    return std::make_shared<EmbeddingTable>(static_cast<std::size_t>(vocab_size),
                                            static_cast<std::size_t>(std::min(d_model, 1e9)),
                                            static_cast<std::uint64_t>(seed));
  });
}
val table_lookup(const EmbeddingTable& t, val ids) {
  return guard([&] {
    RowMatrix rows = t.lookup(ids_from_js(ids));
    return copy_to_js(rows.data(), static_cast<std::size_t>(rows.size()));
  });
}
val table_row(const EmbeddingTable& t, int id) {
  return guard([&] {
    auto row = t.row(id);
    return copy_to_js(row.data(), static_cast<std::size_t>(row.size()));
  });
}
val table_nearest(const EmbeddingTable& t, int id, int k, std::string metric) {
  return guard([&] {
    if (k < 0) throw std::invalid_argument("k must be 0 or more");
    val out = val::array();
    for (const auto& n : nearest_rows(t.weights(), id, static_cast<std::size_t>(k), parse_metric(metric))) {
      val item = val::object();
      item.set("id", n.id);
      item.set("score", n.score);
      out.call<void>("push", item);
    }
    return out;
  });
}

}  // namespace
}  // namespace embplay::wasm

EMSCRIPTEN_BINDINGS(embplay_core) {
  using namespace embplay;
  using namespace embplay::wasm;
  class_<Tokenizer>("Tokenizer")
      .smart_ptr<std::shared_ptr<Tokenizer>>("TokenizerPtr")
      .function("encode", &tokenizer_encode)
      .function("merges", &tokenizer_merges);
  function("createTokenizer", &create_tokenizer);

  class_<TokenSequence>("TokenSequence")
      .function("size", &sequence_size)
      .function("text", &sequence_text)
      .function("displayText", &sequence_display_text)
      .function("starts", &sequence_starts)
      .function("ends", &sequence_ends)
      .function("continues", &sequence_continues)
      .function("invalidUtf8", &sequence_invalid_utf8);

  class_<Vocabulary>("Vocabulary")
      .function("size", &vocabulary_size)
      .function("token", &vocabulary_token)
      .function("count", &vocabulary_count)
      .function("idOf", &vocabulary_id_of)
      .function("encode", &vocabulary_encode)
      .function("counts", &vocabulary_counts);
  function("buildVocabulary", &build_vocabulary);

  class_<EmbeddingTable>("EmbeddingTable")
      .smart_ptr<std::shared_ptr<EmbeddingTable>>("EmbeddingTablePtr")
      .function("vocabSize", &table_vocab_size)
      .function("dModel", &table_d_model)
      .function("lookup", &table_lookup)
      .function("row", &table_row)
      .function("nearest", &table_nearest);
  function("createEmbeddingTable", &create_embedding_table);
}
