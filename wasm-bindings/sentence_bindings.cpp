// embind binding for <attention-view>'s token rows (src/transformer/sentence_rows.h), linked into
// both modules: the small positional-encoding module has no other tokenizer. Translation only.
//
//   Module.wordSentenceRows(bytes /* Uint8Array UTF-8 (or a string) */, lowercase, dModel, seed, limit)
//     -> { labels: [string], ids: Int32Array, rows: Float32Array ids.length x dModel, total }
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "guard.h"
#include "transformer/position_limits.h"
#include "transformer/sentence_rows.h"

using namespace emscripten;

namespace embplay::wasm {
namespace {

val word_sentence_rows_js(std::string text, bool lowercase, double d_model, double seed, double limit) {
  return guard([&] {
    if (!(d_model >= 1 && d_model <= static_cast<double>(kMaxDModel)) || d_model != static_cast<double>(static_cast<std::size_t>(d_model))) {
      throw std::invalid_argument("d_model must be a whole number from 1 to " + std::to_string(kMaxDModel));
    }
    if (!(limit >= 0 && limit <= 1e9)) throw std::invalid_argument("the token limit must be between 0 and 1e9");
    const SentenceRows s = word_sentence_rows(text, lowercase, static_cast<std::size_t>(d_model), checked_seed(seed),
                                              static_cast<std::size_t>(limit));
    val labels = val::array();
    for (const std::string& label : s.labels) labels.call<void>("push", label);
    val out = val::object();
    out.set("labels", labels);
    out.set("ids", copy_to_js(s.ids));
    out.set("rows", copy_to_js(s.rows.data(), static_cast<std::size_t>(s.rows.size())));
    out.set("total", static_cast<double>(s.total_tokens));
    return out;
  });
}

}  // namespace
}  // namespace embplay::wasm

EMSCRIPTEN_BINDINGS(sentence_rows) {
  emscripten::function("wordSentenceRows", &embplay::wasm::word_sentence_rows_js);
}
