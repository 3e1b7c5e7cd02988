// Tests for gpt2_merge.h: golden merges on tiny vocabularies, and the scan and heap methods
// against a plain reference (tiktoken's algorithm on byte strings, written out below).
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "gpt2/gpt2_merge.h"
#include "gpt2_test_ranks.h"
#include "math/random.h"

using namespace embplay;
using embplay::test::byte_tokens_then;

namespace {

using MergeFn = void (*)(const Gpt2Ranks&, std::string_view, std::vector<Gpt2Part>&);

// Tokens as text joined by '|', e.g. "ab|c".
std::string merged(MergeFn fn, const Gpt2Ranks& ranks, std::string_view piece) {
  std::vector<Gpt2Part> parts;
  fn(ranks, piece, parts);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::size_t end = i + 1 < parts.size() ? parts[i + 1].start : piece.size();
    REQUIRE(ranks.token_bytes(parts[i].id) == piece.substr(parts[i].start, end - parts[i].start));
    if (i) out += '|';
    out += ranks.token_bytes(parts[i].id);
  }
  return out;
}

// Reference: byte strings and a map, merging the lowest-ranked adjacent pair (leftmost on ties).
std::string reference(const std::vector<std::string>& tokens, std::string_view piece) {
  std::map<std::string, std::size_t> rank;
  for (std::size_t r = 0; r < tokens.size(); ++r) rank[tokens[r]] = r;
  std::vector<std::string> parts;
  for (const char c : piece) parts.emplace_back(1, c);
  for (;;) {
    std::size_t best = parts.size(), best_rank = 0;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      const auto it = rank.find(parts[i] + parts[i + 1]);
      if (it != rank.end() && (best == parts.size() || it->second < best_rank)) {
        best = i;
        best_rank = it->second;
      }
    }
    if (best == parts.size()) break;
    parts[best] += parts[best + 1];
    parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(best) + 1);
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "|" : "") + parts[i];
  return out;
}

}  // namespace

TEST_CASE("merge: the lowest rank first, then the leftmost", "[gpt2][merge]") {
  const auto fn = GENERATE(as<MergeFn>{}, &gpt2_merge_scan, &gpt2_merge_heap, &gpt2_merge_piece);
  const Gpt2Ranks ranks(make_gpt2_ranks_asset(byte_tokens_then({"aa", "aaa", "ab", "bc", "abc"})));
  CHECK(merged(fn, ranks, "x") == "x");
  CHECK(merged(fn, ranks, "xyz") == "x|y|z");
  CHECK(merged(fn, ranks, "aaa") == "aaa");      // a|a|a -> aa|a (leftmost) -> aaa
  CHECK(merged(fn, ranks, "aaaa") == "aa|aa");   // a|a|a|a -> aa|a|a -> (aa+a=257 vs a+a=256) -> aa|aa
  CHECK(merged(fn, ranks, "abc") == "abc");      // ab (258) before bc (259), then ab+c = abc
  CHECK(merged(fn, ranks, "bca") == "bc|a");
  CHECK(merged(fn, ranks, "aabc") == "aa|bc");   // aa (256) first, then bc; aa+bc is not a token
}

TEST_CASE("merge: ties between equal pairs go to the leftmost", "[gpt2][merge]") {
  const auto fn = GENERATE(as<MergeFn>{}, &gpt2_merge_scan, &gpt2_merge_heap);
  const Gpt2Ranks ranks(make_gpt2_ranks_asset(byte_tokens_then({"aa", "ba"})));
  CHECK(merged(fn, ranks, "aaa") == "aa|a");
  CHECK(merged(fn, ranks, "baa") == "b|aa");      // aa (256) outranks ba (257)
  CHECK(merged(fn, ranks, "aaaaa") == "aa|aa|a");
}

TEST_CASE("merge: scan and heap agree with the reference on random text", "[gpt2][merge]") {
  Rng rng(2024);
  // A random vocabulary over "abc ": each new token joins two existing ones.
  std::vector<std::string> merges;
  std::vector<std::string> pool = {"a", "b", "c", " "};
  while (merges.size() < 60) {
    const std::string t = pool[rng.below(static_cast<std::uint32_t>(pool.size()))] + pool[rng.below(static_cast<std::uint32_t>(pool.size()))];
    bool seen = t.size() > 12;
    for (const auto& m : merges) seen |= m == t;
    if (seen) continue;
    merges.push_back(t);
    pool.push_back(t);
  }
  const auto tokens = byte_tokens_then(merges);
  const Gpt2Ranks ranks(make_gpt2_ranks_asset(tokens));
  for (int trial = 0; trial < 300; ++trial) {
    std::string piece(1 + rng.below(trial < 250 ? 40 : 400), ' ');
    for (char& c : piece) c = "abc "[rng.below(4)];
    const std::string expected = reference(tokens, piece);
    INFO("piece: '" << piece << "'");
    CHECK(merged(&gpt2_merge_scan, ranks, piece) == expected);
    CHECK(merged(&gpt2_merge_heap, ranks, piece) == expected);
  }
}

TEST_CASE("merge: scan and heap agree on long pieces with the real ranks", "[gpt2][merge][r50k]") {
  const Gpt2Ranks& ranks = embplay::test::real_gpt2().ranks();
  Rng rng(99);
  const std::vector<std::string> alphabets = {"abcdefghijklmnopqrstuvwxyz", "aeiou", "ab", "a", "0123456789", "!?.-=*"};
  for (const std::string& alphabet : alphabets) {
    for (const std::size_t length : {129, 1000, 4000}) {
      std::string piece(length, ' ');
      for (char& c : piece) c = alphabet[rng.below(static_cast<std::uint32_t>(alphabet.size()))];
      INFO("alphabet '" << alphabet << "', length " << length);
      CHECK(merged(&gpt2_merge_heap, ranks, piece) == merged(&gpt2_merge_scan, ranks, piece));
    }
  }
}
