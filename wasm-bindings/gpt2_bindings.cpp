// embind bindings for GPT-2's tokenizer (src/gpt2/gpt2_bpe.h). Translation of types only.
// Text crosses as UTF-8 bytes: pass `new TextEncoder().encode(text)` (a Uint8Array), which
// turns lone surrogates into U+FFFD exactly as js-tiktoken does; embind's own conversion of
// a JS string does not. Ids cross as Int32Array, spans as Uint32Array byte offsets.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "gpt2/gpt2_bpe.h"
#include "guard.h"

using namespace emscripten;

namespace embplay::wasm {
namespace {

// `ranks`: the bytes of gpt2-ranks.bin (Uint8Array).
std::shared_ptr<Gpt2Bpe> create_gpt2_bpe(std::string ranks) {
  return guard([&] { return std::make_shared<Gpt2Bpe>(ranks); });
}

val gpt2_encode_ids(const Gpt2Bpe& bpe, std::string text) {
  return guard([&] { return copy_to_js(bpe.encode_ids(text)); });
}

// {ids: Int32Array, starts: Uint32Array, ends: Uint32Array, invalidUtf8: number}
val gpt2_encode(const Gpt2Bpe& bpe, std::string text) {
  return guard([&] {
    const Gpt2Spans e = bpe.encode_spans(text);
    val out = val::object();
    out.set("ids", copy_to_js(e.ids));
    out.set("starts", copy_to_js(e.starts));
    out.set("ends", copy_to_js(e.ends));
    out.set("invalidUtf8", static_cast<double>(e.invalid_utf8));
    return out;
  });
}

// Bytes of the tokens (a Uint8Array: a token may end inside a UTF-8 character).
val gpt2_decode(const Gpt2Bpe& bpe, val ids) {
  return guard([&] {
    const std::string bytes = bpe.decode(ids_from_js(ids));
    return copy_to_js(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  });
}

// "Ġworld": the token as GPT-2's vocabulary file writes it.
std::string gpt2_token_text(const Gpt2Bpe& bpe, int id) { return guard([&] { return bpe.token_text(id); }); }

val gpt2_token_bytes(const Gpt2Bpe& bpe, int id) {
  return guard([&] {
    const std::string_view bytes = bpe.ranks().token_bytes(id);
    return copy_to_js(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  });
}

double gpt2_vocab_size(const Gpt2Bpe& bpe) { return static_cast<double>(bpe.vocab_size()); }

}  // namespace
}  // namespace embplay::wasm

EMSCRIPTEN_BINDINGS(gpt2) {
  using namespace embplay;
  using namespace embplay::wasm;
  class_<Gpt2Bpe>("Gpt2Bpe")
      .smart_ptr<std::shared_ptr<Gpt2Bpe>>("Gpt2BpePtr")
      .function("encodeIds", &gpt2_encode_ids)
      .function("encode", &gpt2_encode)
      .function("decode", &gpt2_decode)
      .function("tokenText", &gpt2_token_text)
      .function("tokenBytes", &gpt2_token_bytes)
      .function("vocabSize", &gpt2_vocab_size);
  function("createGpt2Bpe", &create_gpt2_bpe);
}
