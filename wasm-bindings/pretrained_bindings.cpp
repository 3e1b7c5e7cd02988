// embind bindings for a model's safetensors file read by byte ranges (issue 13): the page's worker
// reads the file with File.slice and never holds it whole (web/core/pretrained-weights.js):
//
//   const n = Module.safetensorsHeaderLength(first8Bytes, file.size);
//   const h = Module.parseSafetensorsHeader(headerBytes, file.size);    // validated completely
//   Module.safetensorsTensors(h) -> [{name, dtype, shape, begin, end, readable}], ...Metadata(h)
//   Module.detectPretrainedLayout(h) -> {kind: 'gpt2'|'bert'|'other', tokenTable, positionTable}
//   const loader = Module.createPretrainedLoader(h, tokenTable, positionTable);
//   for (let r; (r = loader.nextRange(8 << 20)); ) loader.append(bytesOf(r.begin, r.end));
//   const e = Module.pretrainedFromGpt2(loader, gpt2) | pretrainedFromWordPiece(loader, wp) | pretrainedNumbered(loader);
//   e.rows(ids), e.rowNorms(ids), e.neighbors(id, k), e.positions(), e.token(id), e.idOf(token)
// Translation of types only; every call that can throw goes through guard().
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "formats/pretrained_layout.h"
#include "formats/pretrained_loader.h"
#include "formats/safetensors_header.h"
#include "gpt2/gpt2_bpe.h"
#include "guard.h"
#include "text/wordpiece_tokenizer.h"
#include "transformer/model_input.h"
#include "transformer/position_similarity.h"
#include "transformer/sinusoidal_encoding.h"
#include "vectors/pretrained_embeddings.h"

using namespace emscripten;

namespace embplay::wasm {
namespace {

// A Uint8Array's bytes as a std::string, copied by the typed array's set (a memcpy).
std::string bytes_from_js(const val& bytes) {
  const double n = bytes["length"].as<double>();
  if (!(n >= 0 && n < 4294967296.0)) throw std::invalid_argument("expected bytes (a Uint8Array)");
  std::string out(static_cast<std::size_t>(n), '\0');
  val(typed_memory_view(out.size(), reinterpret_cast<unsigned char*>(out.data()))).call<void>("set", bytes);
  return out;
}

std::uint64_t file_size_from_js(double size) {
  if (!(size >= 0 && size <= 9007199254740991.0)) throw std::invalid_argument("file size must be a whole number of bytes");
  return static_cast<std::uint64_t>(size);
}

double header_length(val prefix, double file_size) {
  return guard([&] { return static_cast<double>(safetensors_header_length(bytes_from_js(prefix), file_size_from_js(file_size))); });
}

std::shared_ptr<SafetensorsHeader> parse_header(val header, double file_size) {
  return guard([&] { return std::make_shared<SafetensorsHeader>(parse_safetensors_header(bytes_from_js(header), file_size_from_js(file_size))); });
}

val tensors(const SafetensorsHeader& h) {
  val out = val::array();
  for (const auto& t : h.tensors) {
    val o = val::object();
    o.set("name", t.name);
    o.set("dtype", t.dtype);
    val shape = val::array();
    for (std::uint64_t d : t.shape) shape.call<void>("push", static_cast<double>(d));
    o.set("shape", shape);
    o.set("begin", static_cast<double>(t.begin));
    o.set("end", static_cast<double>(t.end));
    o.set("readable", t.float_readable());
    out.call<void>("push", o);
  }
  return out;
}

val metadata(const SafetensorsHeader& h) {
  val out = val::object();
  for (const auto& [k, v] : h.metadata) out.set(k, v);
  return out;
}

val layout_to_js(const PretrainedLayout& l) {
  val o = val::object();
  o.set("kind", std::string(pretrained_kind_name(l.kind)));
  o.set("tokenTable", l.token_table);
  o.set("positionTable", l.position_table);
  return o;
}

val detect_layout(const SafetensorsHeader& h) { return guard([&] { return layout_to_js(detect_pretrained_layout(h)); }); }

std::shared_ptr<PretrainedLoader> create_loader(const SafetensorsHeader& h, std::string tokens, std::string positions) {
  return guard([&] {
    const PretrainedLayout chosen = chosen_layout(h, tokens, positions);
    return std::make_shared<PretrainedLoader>(h, chosen);
  });
}

void check_rows(const SafetensorsHeader& h, std::string tokens, double vocab_size, std::string tokenizer) {
  guard([&] {
    check_token_rows(h, PretrainedLayout{PretrainedKind::Other, tokens, ""}, static_cast<std::size_t>(vocab_size), tokenizer);
  });
}

val loader_next_range(const PretrainedLoader& l, double max_bytes) {
  return guard([&] {
    const auto r = l.next_range(static_cast<std::uint64_t>(max_bytes >= 1 ? max_bytes : 1));
    if (!r) return val::null();
    val o = val::object();
    o.set("begin", static_cast<double>(r->begin));
    o.set("end", static_cast<double>(r->end));
    return o;
  });
}

void loader_append(PretrainedLoader& l, val bytes) { guard([&] { l.append(bytes_from_js(bytes)); }); }
double loader_fraction(const PretrainedLoader& l) { return l.fraction(); }
double loader_bytes_total(const PretrainedLoader& l) { return static_cast<double>(l.bytes_total()); }
bool loader_done(const PretrainedLoader& l) { return l.done(); }

std::shared_ptr<PretrainedEmbeddings> from_names(PretrainedLoader& l, std::vector<std::string> names) {
  return std::make_shared<PretrainedEmbeddings>(std::move(names), l.finish());
}

std::shared_ptr<PretrainedEmbeddings> from_gpt2(PretrainedLoader& l, const Gpt2Bpe& bpe) {
  return guard([&] {
    std::vector<std::string> names;
    for (std::size_t id = 0; id < bpe.vocab_size(); ++id) names.push_back(bpe.token_text(static_cast<std::int32_t>(id)));
    return from_names(l, std::move(names));
  });
}

std::shared_ptr<PretrainedEmbeddings> from_wordpiece(PretrainedLoader& l, const WordPieceTokenizer& wp) {
  return guard([&] { return from_names(l, wp.vocab().tokens()); });
}

std::shared_ptr<PretrainedEmbeddings> numbered(PretrainedLoader& l) {
  return guard([&] {
    // The row count is only known from the table: read it, then name its rows.
    PretrainedTables t = l.finish();
    auto names = PretrainedEmbeddings::numbered_names(static_cast<std::size_t>(t.tokens.rows()));
    return std::make_shared<PretrainedEmbeddings>(std::move(names), std::move(t));
  });
}

std::int32_t checked_id(const PretrainedEmbeddings& e, std::int32_t id) {
  if (id < 0 || static_cast<std::size_t>(id) >= e.vocab_size()) throw std::out_of_range("token id " + std::to_string(id) + " is out of range");
  return id;
}

std::vector<std::int32_t> checked_ids(const PretrainedEmbeddings& e, const val& ids) {
  std::vector<std::int32_t> out = ids_from_js(ids);
  for (std::int32_t id : out) checked_id(e, id);
  return out;
}

// The rows of `ids`, row-major (ids.length x width).
val rows(const PretrainedEmbeddings& e, val ids) {
  return guard([&] {
    const std::vector<std::int32_t> v = checked_ids(e, ids);
    std::vector<float> out;
    out.reserve(v.size() * e.width());
    for (std::int32_t id : v) {
      const float* row = e.tokens().vectors().data() + static_cast<std::size_t>(id) * e.width();
      out.insert(out.end(), row, row + e.width());
    }
    return copy_to_js(out);
  });
}

val row_norms(const PretrainedEmbeddings& e, val ids) {
  return guard([&] {
    std::vector<float> out;
    for (std::int32_t id : checked_ids(e, ids)) out.push_back(e.row_norm(id));
    return copy_to_js(out);
  });
}

val neighbors_to_js(const std::vector<Neighbor>& n) {
  std::vector<std::int32_t> ids;
  std::vector<float> scores;
  for (const auto& x : n) {
    ids.push_back(x.id);
    scores.push_back(x.score);
  }
  val o = val::object();
  o.set("ids", copy_to_js(ids));
  o.set("scores", copy_to_js(scores));
  return o;
}

// {ids: Int32Array, scores: Float32Array}: the k rows nearest to row `id` by cosine (itself excluded).
val neighbors(const PretrainedEmbeddings& e, int id, int k) {
  return guard([&] {
    if (k < 1) throw std::invalid_argument("k must be at least 1");
    return neighbors_to_js(e.space().neighbors(e.tokens().word(static_cast<std::size_t>(checked_id(e, id))), static_cast<std::size_t>(k)));
  });
}


// b - a + c (3CosAdd) among all rows, a, b and c excluded: {ids, scores}.
val analogy(const PretrainedEmbeddings& e, std::string a, std::string b, std::string c, int k) {
  return guard([&] {
    if (k < 1) throw std::invalid_argument("k must be at least 1");
    return neighbors_to_js(e.space().analogy(a, b, c, static_cast<std::size_t>(k)));
  });
}

// `pairs`: [[a, b], ...]; the k tokens highest (or lowest) on the direction a -> b: {ids, scores}.
val along_direction(const PretrainedEmbeddings& e, val pairs, int k, bool highest) {
  return guard([&] {
    if (k < 1) throw std::invalid_argument("k must be at least 1");
    std::vector<std::pair<std::string, std::string>> p;
    const auto n = pairs["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) p.emplace_back(pairs[i][0].as<std::string>(), pairs[i][1].as<std::string>());
    return neighbors_to_js(e.along_direction(p, static_cast<std::size_t>(k), highest));
  });
}

// The rows of `ids` on their first two principal axes: {coords: Float32Array (n x 2), explained: [2]}.
val project(const PretrainedEmbeddings& e, val ids) {
  return guard([&] {
    const PcaProjection p = e.project(checked_ids(e, ids), 2);
    val o = val::object();
    o.set("coords", copy_to_js(p.coords.data(), static_cast<std::size_t>(p.coords.size())));
    o.set("explained", copy_to_js(p.explained));
    return o;
  });
}

val positions(const PretrainedEmbeddings& e) {
  return copy_to_js(e.positions().data(), static_cast<std::size_t>(e.positions().size()));
}
int position_rows(const PretrainedEmbeddings& e) { return static_cast<int>(e.positions().rows()); }
double vocab_size(const PretrainedEmbeddings& e) { return static_cast<double>(e.vocab_size()); }
int width(const PretrainedEmbeddings& e) { return static_cast<int>(e.width()); }
std::string token(const PretrainedEmbeddings& e, int id) {
  return guard([&] { return e.tokens().word(static_cast<std::size_t>(checked_id(e, id))); });
}
int id_of(const PretrainedEmbeddings& e, std::string t) { return static_cast<int>(e.tokens().index_of(t)); }

// The first `rows` positions of the learned table beside the sinusoidal table of the same shape,
// and each one's position x position cosine similarity: {rows, cols, learned, learnedSimilarity,
// sinusoid, sinusoidSimilarity} (Float32Arrays, row-major).
val position_view(const PretrainedEmbeddings& e, int rows) {
  return guard([&] {
    const auto n = static_cast<std::size_t>(std::max(0, std::min(rows, static_cast<int>(e.positions().rows()))));
    const std::size_t d = e.width();
    if (n == 0) throw std::invalid_argument("this file has no position table");
    std::vector<float> sinusoid(n * d), learned_sim(n * n), sinusoid_sim(n * n);
    const SinusoidalSpec spec{d, kDefaultPeBase, PeLayout::Interleaved};
    fill_sinusoidal(spec, n, sinusoid.data());
    fill_position_similarity(e.positions().data(), n, d, PositionSimilarity::Cosine, learned_sim.data());
    fill_sinusoidal_similarity(spec, n, PositionSimilarity::Cosine, sinusoid_sim.data());
    val o = val::object();
    o.set("rows", static_cast<double>(n));
    o.set("cols", static_cast<double>(d));
    o.set("learned", copy_to_js(e.positions().data(), n * d));
    o.set("learnedSimilarity", copy_to_js(learned_sim));
    o.set("sinusoid", copy_to_js(sinusoid));
    o.set("sinusoidSimilarity", copy_to_js(sinusoid_sim));
    return o;
  });
}

// token + position = input: row t is E[ids[t]] + P[t] (GPT-2 and BERT add them unscaled);
// ids.length must not exceed the position table's rows.
val model_input_rows(const PretrainedEmbeddings& e, val ids) {
  return guard([&] {
    const std::vector<std::int32_t> v = checked_ids(e, ids);
    RowMatrix tokens(static_cast<Eigen::Index>(v.size()), static_cast<Eigen::Index>(e.width()));
    for (std::size_t i = 0; i < v.size(); ++i) tokens.row(static_cast<Eigen::Index>(i)) = e.tokens().vectors().row(v[i]);
    const RowMatrix input = model_input(tokens, e.positions(), 1.0f);
    return copy_to_js(input.data(), static_cast<std::size_t>(input.size()));
  });
}

// WordPiece: `cased` -1 = as the vocabulary suggests, 0 = uncased, 1 = cased.
std::shared_ptr<WordPieceTokenizer> create_wordpiece(val vocab_bytes, int cased) {
  return guard([&] {
    WordPieceVocab vocab(bytes_from_js(vocab_bytes));
    const bool uncased = cased < 0 ? vocab.looks_uncased() : cased == 0;
    return std::make_shared<WordPieceTokenizer>(std::move(vocab), uncased);
  });
}

// {ids, starts, ends, texts: ["un", "##aff", ...], invalidUtf8}
val wordpiece_encode(const WordPieceTokenizer& wp, val text) {
  return guard([&] {
    const WordPieceEncoding e = wp.encode(bytes_from_js(text));
    val texts = val::array();
    for (std::size_t i = 0; i < e.tokens.size(); ++i) texts.call<void>("push", e.tokens.display_text(i));
    val o = val::object();
    o.set("ids", copy_to_js(e.ids));
    o.set("starts", copy_to_js(e.tokens.starts()));
    o.set("ends", copy_to_js(e.tokens.ends()));
    o.set("texts", texts);
    o.set("invalidUtf8", static_cast<double>(e.tokens.invalid_utf8()));
    return o;
  });
}
double wordpiece_vocab_size(const WordPieceTokenizer& wp) { return static_cast<double>(wp.vocab().size()); }
bool wordpiece_uncased(const WordPieceTokenizer& wp) { return wp.uncased(); }

}  // namespace
}  // namespace embplay::wasm

EMSCRIPTEN_BINDINGS(pretrained) {
  using namespace embplay;
  using namespace embplay::wasm;
  class_<SafetensorsHeader>("SafetensorsHeader").smart_ptr<std::shared_ptr<SafetensorsHeader>>("SafetensorsHeaderPtr");
  function("safetensorsHeaderLength", &header_length);
  function("parseSafetensorsHeader", &parse_header);
  function("safetensorsTensors", &tensors);
  function("safetensorsMetadata", &metadata);
  function("detectPretrainedLayout", &detect_layout);
  function("checkTokenRows", &check_rows);
  class_<PretrainedLoader>("PretrainedLoader")
      .smart_ptr<std::shared_ptr<PretrainedLoader>>("PretrainedLoaderPtr")
      .function("nextRange", &loader_next_range)
      .function("append", &loader_append)
      .function("fraction", &loader_fraction)
      .function("bytesTotal", &loader_bytes_total)
      .function("done", &loader_done);
  function("createPretrainedLoader", &create_loader);
  class_<WordPieceTokenizer>("WordPieceTokenizer")
      .smart_ptr<std::shared_ptr<WordPieceTokenizer>>("WordPieceTokenizerPtr")
      .function("encode", &wordpiece_encode)
      .function("vocabSize", &wordpiece_vocab_size)
      .function("uncased", &wordpiece_uncased);
  function("createWordPieceTokenizer", &create_wordpiece);
  class_<PretrainedEmbeddings>("PretrainedEmbeddings")
      .smart_ptr<std::shared_ptr<PretrainedEmbeddings>>("PretrainedEmbeddingsPtr")
      .function("rows", &rows)
      .function("rowNorms", &row_norms)
      .function("neighbors", &neighbors)
      .function("positions", &positions)
      .function("positionRows", &position_rows)
      .function("positionView", &position_view)
      .function("analogy", &analogy)
      .function("alongDirection", &along_direction)
      .function("project", &project)
      .function("modelInput", &model_input_rows)
      .function("vocabSize", &vocab_size)
      .function("width", &width)
      .function("token", &token)
      .function("idOf", &id_of);
  function("pretrainedFromGpt2", &from_gpt2);
  function("pretrainedFromWordPiece", &from_wordpiece);
  function("pretrainedNumbered", &numbered);
}
