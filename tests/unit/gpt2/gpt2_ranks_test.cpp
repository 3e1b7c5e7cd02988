// Tests for gpt2_ranks.h: the asset format, lookups, and rejection of broken assets.
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>

#include "gpt2/gpt2_ranks.h"
#include "gpt2_test_ranks.h"

using namespace embplay;
using embplay::test::byte_tokens_then;

TEST_CASE("ranks: bytes, merged tokens and special tokens", "[gpt2][ranks]") {
  const Gpt2Ranks ranks(make_gpt2_ranks_asset(byte_tokens_then({"ab", "abc", " the"}), {{300, "<|end|>"}}));
  CHECK(ranks.token_count() == 259);
  CHECK(ranks.vocab_size() == 301);
  CHECK(ranks.max_token_length() == 4);
  CHECK(ranks.byte_rank('a') == 'a');
  CHECK(ranks.byte_rank(0) == 0);
  CHECK(ranks.rank_of("ab") == 256);
  CHECK(ranks.rank_of("abc") == 257);
  CHECK(ranks.rank_of(" the") == 258);
  CHECK(ranks.rank_of("bc") == Gpt2Ranks::kNone);
  CHECK(ranks.rank_of("") == Gpt2Ranks::kNone);
  CHECK(ranks.rank_of("abcde") == Gpt2Ranks::kNone);
  CHECK(ranks.rank_of("<|end|>") == Gpt2Ranks::kNone);  // special tokens are not merge targets
  CHECK(ranks.token_bytes(257) == "abc");
  CHECK(ranks.token_bytes(300) == "<|end|>");
  CHECK(ranks.is_special(300));
  CHECK_FALSE(ranks.is_special(257));
  CHECK_THROWS_WITH(ranks.token_bytes(299), "token id 299 is not in the GPT-2 vocabulary (0..300)");
  CHECK_THROWS_AS(ranks.token_bytes(-1), std::invalid_argument);
}

TEST_CASE("ranks: every two-token split of a token is a merge", "[gpt2][ranks]") {
  const Gpt2Ranks ranks(make_gpt2_ranks_asset(byte_tokens_then({"ab", "bc", "abc", " the"})));
  CHECK(ranks.merge('a', 'b') == 256);
  CHECK(ranks.merge(256, 'c') == 258);  // ab + c
  CHECK(ranks.merge('a', 257) == 258);  // a + bc: the same bytes, so the same token
  CHECK(ranks.merge('b', 'a') == Gpt2Ranks::kNone);
  CHECK(ranks.merge(' ', 't') == Gpt2Ranks::kNone);  // " t" is not a token, so no split of " the" uses it
  CHECK(ranks.merge(258, 'c') == Gpt2Ranks::kNone);
}

TEST_CASE("ranks: broken assets are rejected with a reason", "[gpt2][ranks]") {
  const std::string good = make_gpt2_ranks_asset(byte_tokens_then({"ab"}));
  CHECK_NOTHROW(Gpt2Ranks(good));
  CHECK_THROWS_WITH(Gpt2Ranks("hello"), "not a GPT-2 ranks asset (missing EMBPRNK1 header)");
  CHECK_THROWS_WITH(Gpt2Ranks(good.substr(0, 100)), "GPT-2 ranks asset is truncated");
  CHECK_THROWS_WITH(Gpt2Ranks(good.substr(0, good.size() - 1)), "GPT-2 ranks asset: expected 258 token bytes, found 257");
  CHECK_THROWS_WITH(Gpt2Ranks(good + "x"), "GPT-2 ranks asset: expected 258 token bytes, found 259");
  CHECK_THROWS_WITH(Gpt2Ranks(make_gpt2_ranks_asset(byte_tokens_then({"ab", "ab"}))),
                    "GPT-2 ranks asset: token at rank 257 repeats an earlier token");
  auto no_x = byte_tokens_then({});
  no_x['x'] = "xy";
  CHECK_THROWS_WITH(Gpt2Ranks(make_gpt2_ranks_asset(no_x)), "GPT-2 ranks asset: byte 120 has no token of its own");
  CHECK_THROWS_WITH(Gpt2Ranks(make_gpt2_ranks_asset({"a", "b"})),
                    "GPT-2 ranks asset: token count must be 256..16777216, got 2");
  CHECK_THROWS_WITH(Gpt2Ranks(make_gpt2_ranks_asset(byte_tokens_then({}), {{10, "<s>"}})),
                    "GPT-2 ranks asset: bad special token id 10");
  std::string zero_length = good;
  zero_length[16 + 'a'] = 0;
  CHECK_THROWS_WITH(Gpt2Ranks(zero_length), "GPT-2 ranks asset: empty token at rank 97");
}

TEST_CASE("ranks: the real r50k_base asset", "[gpt2][ranks][r50k]") {
  const Gpt2Ranks& ranks = embplay::test::real_gpt2().ranks();
  CHECK(ranks.token_count() == 50256);
  CHECK(ranks.vocab_size() == 50257);  // GPT-2's embedding matrix has 50,257 rows
  CHECK(ranks.token_bytes(50256) == "<|endoftext|>");
  CHECK(ranks.max_token_length() == 128);
  // Ids known from GPT-2's encoder.json: "!" is 0, "Hello" 15496, " world" 995, "\n\n" 628.
  CHECK(ranks.rank_of("!") == 0);
  CHECK(ranks.rank_of("Hello") == 15496);
  CHECK(ranks.rank_of(" world") == 995);
  CHECK(ranks.rank_of("\n\n") == 628);
  CHECK(ranks.merge(ranks.rank_of(" wor"), ranks.rank_of("ld")) == 995);
}
