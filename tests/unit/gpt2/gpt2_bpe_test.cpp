// Tests for gpt2_bpe.h: spans and ids on a tiny vocabulary, invalid UTF-8, round trips, and
// golden ids for the real r50k_base ranks. The r50k ids below were produced by tiktoken
// 1.0.22 (npm, OpenAI's Rust core compiled to WASM), get_encoding("r50k_base").encode_ordinary.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "gpt2/gpt2_bpe.h"
#include "gpt2_test_ranks.h"
#include "math/random.h"
#include "test_helpers.h"
#include "text/utf8.h"

using namespace embplay;
using embplay::test::byte_tokens_then;
using embplay::test::golden;
using embplay::test::real_gpt2;
using Ids = std::vector<std::int32_t>;

namespace {

Gpt2Bpe tiny() { return Gpt2Bpe(make_gpt2_ranks_asset(byte_tokens_then({"he", " w", "ll", "llo", "hello", " wor", "or"}))); }

std::string random_utf8(Rng& rng, std::size_t chars) {
  static const char32_t kPool[] = {U'a', U'Z', U'0', U'7', U' ', U' ', U'\n', U'\t', U'\'', U's', U'!', U'.', U'\u00E9',
                                   U'\u00A0', U'\u0301', U'\u3000', U'\uAC00', U'\u3042', U'\u4E16', U'\U0001F642',
                                   U'\u0085', U'\uFEFF', U'\u2028', U'\u00B2', U'\u0000'};
  std::string out;
  for (std::size_t i = 0; i < chars; ++i) append_utf8(out, kPool[rng.below(sizeof kPool / sizeof kPool[0])]);
  return out;
}

}  // namespace

TEST_CASE("gpt2 bpe: ids, printable texts and byte spans", "[gpt2][bpe]") {
  const Gpt2Bpe bpe = tiny();
  const Gpt2Encoding e = bpe.encode("hello world");
  CHECK(e.ids == Ids{260, 261, 'l', 'd'});  // "hello" whole; " world": " wor" + l + d
  CHECK(golden(e.tokens) == "hello[0,5) \xC4\xA0wor[5,9) l[9,10) d[10,11)");
  CHECK(bpe.encode_ids("hello world") == e.ids);
  const Gpt2Spans spans = bpe.encode_spans("hello world");
  CHECK(spans.ids == e.ids);
  CHECK(spans.starts == e.tokens.starts());
  CHECK(spans.ends == e.tokens.ends());
  CHECK(bpe.decode(e.ids) == "hello world");
  CHECK(bpe.token_text(261) == "\xC4\xA0wor");
  CHECK(bpe.vocab_size() == 263);
}

TEST_CASE("gpt2 bpe: empty text and NUL bytes", "[gpt2][bpe]") {
  const Gpt2Bpe bpe = tiny();
  CHECK(bpe.encode_ids("").empty());
  CHECK(bpe.encode("").tokens.empty());
  const std::string nul("a\0b", 3);
  CHECK(bpe.encode_ids(nul) == Ids{'a', 0, 'b'});
  CHECK(golden(bpe.encode(nul).tokens) == "a[0,1) \xC4\x80[1,2) b[2,3)");
  CHECK(bpe.decode({'a', 0, 'b'}) == nul);
}

TEST_CASE("gpt2 bpe: invalid UTF-8 is encoded as U+FFFD with spans on the original bytes", "[gpt2][bpe]") {
  const Gpt2Bpe bpe = tiny();
  const Gpt2Encoding e = bpe.encode("a\xFF" "b");
  CHECK(e.ids == Ids{'a', 0xEF, 0xBF, 0xBD, 'b'});
  // The three bytes of U+FFFD stand for the one invalid byte: the first token covers it.
  CHECK(golden(e.tokens) == "a[0,1) \xC3\xAF[1,2) \xC2\xBF[2,2) \xC2\xBD[2,2) b[2,3)");
  CHECK(e.tokens.invalid_utf8() == 1);
  CHECK(bpe.encode_ids("a\xFF" "b") == e.ids);
  CHECK(bpe.encode_spans("a\xFF" "b").invalid_utf8 == 1);
  CHECK(bpe.encode_spans("a\xFF" "b").ends == e.tokens.ends());
  CHECK(bpe.decode(e.ids) == "a\xEF\xBF\xBD" "b");
  // An encoded surrogate is three ill-formed subparts (as TextDecoder reads it).
  CHECK(bpe.encode_ids("\xED\xA0\x80") == Ids{0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD});
  CHECK(bpe.encode("\xED\xA0\x80").tokens.invalid_utf8() == 3);
}

TEST_CASE("gpt2 bpe: decode rejects unknown ids", "[gpt2][bpe]") {
  const Gpt2Bpe bpe = tiny();
  CHECK_THROWS_WITH(bpe.decode({1, 263}), "token id 263 is not in the GPT-2 vocabulary (0..262)");
  CHECK_THROWS_AS(bpe.token_text(-5), std::invalid_argument);
}

TEST_CASE("gpt2 bpe: r50k_base golden ids", "[gpt2][bpe][r50k]") {
  const Gpt2Bpe& bpe = real_gpt2();
  CHECK(bpe.encode_ids("Hello world") == Ids{15496, 995});
  CHECK(bpe.encode_ids("\n\n") == Ids{628});
  CHECK(bpe.encode_ids("a\n\nb") == Ids{64, 198, 198, 65});
  CHECK(bpe.encode_ids(" don't") == Ids{836, 470});
  CHECK(bpe.encode_ids("'ll've") == Ids{1183, 1053});
  CHECK(bpe.encode_ids("  x") == Ids{220, 2124});
  CHECK(bpe.encode_ids("2024 x") == Ids{1238, 1731, 2124});
  CHECK(bpe.encode_ids("na\xC3\xAFve caf\xC3\xA9") == Ids{2616, 38776, 40304});
  // 안녕하세요: Hangul syllables are rare in GPT-2's training data, so mostly byte tokens
  CHECK(bpe.encode_ids("\xEC\x95\x88\xEB\x85\x95\xED\x95\x98\xEC\x84\xB8\xEC\x9A\x94") ==
        Ids{168, 243, 230, 167, 227, 243, 47991, 246, 168, 226, 116, 168, 248, 242});
  // こんにちは世界
  CHECK(bpe.encode_ids("\xE3\x81\x93\xE3\x82\x93\xE3\x81\xAB\xE3\x81\xA1\xE3\x81\xAF\xE4\xB8\x96\xE7\x95\x8C") ==
        Ids{46036, 22174, 28618, 2515, 94, 31676, 10310, 244, 45911, 234});
  CHECK(bpe.encode_ids("\xF0\x9F\x99\x82") == Ids{8582, 25081});  // 🙂
  CHECK(bpe.encode_ids("a<|endoftext|>b") == Ids{64, 27, 91, 437, 1659, 5239, 91, 29, 65});  // ordinary text
  // U+0085 is White_Space, U+FEFF is not: tiktoken's (Rust) \s, not JavaScript's.
  CHECK(bpe.encode_ids(" \xC2\x85" "abc") == Ids{220, 126, 227, 39305});
  CHECK(bpe.encode_ids(" \xEF\xBB\xBF" "abc") == Ids{27332, 119, 123, 39305});
  // Invalid UTF-8 as TextDecoder reads it: ED A0 80 is three U+FFFD, "a\uFFFD\uFFFD\uFFFDb" for tiktoken.
  CHECK(bpe.encode_ids("a\xED\xA0\x80" "b") == Ids{64, 48585, 65});
  CHECK(bpe.encode_ids("a\xEF\xBF\xBD" "b") == Ids{64, 4210, 65});
  CHECK(bpe.decode({50256}) == "<|endoftext|>");
}

TEST_CASE("gpt2 bpe: decode(encode(x)) == x for valid UTF-8", "[gpt2][bpe][r50k]") {
  const Gpt2Bpe& bpe = real_gpt2();
  Rng rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    const std::string text = random_utf8(rng, 1 + rng.below(trial < 190 ? 60 : 3000));
    const Gpt2Encoding e = bpe.encode(text);
    REQUIRE(bpe.decode(e.ids) == text);
    REQUIRE(bpe.encode_ids(text) == e.ids);
    // The spans tile the text and each token's bytes are its span.
    std::uint32_t pos = 0;
    for (std::size_t i = 0; i < e.ids.size(); ++i) {
      REQUIRE(e.tokens.start(i) == pos);
      REQUIRE(std::string(bpe.ranks().token_bytes(e.ids[i])) == text.substr(pos, e.tokens.end(i) - pos));
      pos = e.tokens.end(i);
    }
    REQUIRE(pos == text.size());
  }
}

TEST_CASE("gpt2 bpe: 100,000 repeated characters stay fast", "[gpt2][bpe][r50k]") {
  const Gpt2Bpe& bpe = real_gpt2();
  for (const std::string unit : {"a", " ", "1", "!", "\xC3\xA9", "\xEC\x95\x88", "ab"}) {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += unit;
    const auto t0 = std::chrono::steady_clock::now();
    const Ids ids = bpe.encode_ids(text);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    INFO("unit '" << unit << "': " << seconds << " s");
    CHECK(bpe.decode(ids) == text);
    CHECK(seconds < 2.0);  // the quadratic method takes minutes here
  }
}
