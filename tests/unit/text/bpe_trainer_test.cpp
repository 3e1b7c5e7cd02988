// Tests for bpe_trainer.h: merges learned from tiny corpora (worked out by hand below), the
// tie-break, early stopping, code points rather than bytes, and a cross-check of the incremental
// trainer against a naive one that recounts every pair before every merge.
#include <catch2/catch.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "text/bpe_trainer.h"
#include "math/random.h"
#include "test_helpers.h"
#include "text/utf8.h"

namespace {

using embplay::BpeMerge;
using embplay::WordCount;

// "left+right:count left+right:count ..." for golden-string comparisons.
std::string merges_string(const std::vector<BpeMerge>& merges) {
  std::string out;
  for (const auto& m : merges) {
    if (!out.empty()) out += ' ';
    out += m.left + '+' + m.right + ':' + std::to_string(m.count);
  }
  return out;
}

std::string learn(const std::vector<WordCount>& words, int n_merges) {
  return merges_string(embplay::learn_bpe(words, n_merges));
}

std::vector<std::string> code_points(const std::string& word) {
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos < word.size();) {
    const auto c = embplay::decode_utf8(word, pos);
    out.push_back(word.substr(pos, c.length));
    pos += c.length;
  }
  return out;
}

// The textbook algorithm, independent of the one under test: recount every adjacent pair, take
// the most frequent (ties: smallest (left, right), which is std::map order), merge it left to
// right without overlaps, repeat.
std::vector<BpeMerge> naive_bpe(const std::vector<WordCount>& words, int n_merges) {
  std::vector<std::pair<std::vector<std::string>, std::uint64_t>> split;
  for (const auto& w : words) split.emplace_back(code_points(w.word), w.count);
  std::vector<BpeMerge> merges;
  while (static_cast<int>(merges.size()) < n_merges) {
    std::map<std::pair<std::string, std::string>, std::uint64_t> counts;
    for (const auto& [symbols, count] : split)
      for (std::size_t i = 0; i + 1 < symbols.size(); ++i) counts[{symbols[i], symbols[i + 1]}] += count;
    std::pair<std::string, std::string> best;
    std::uint64_t best_count = 0;
    for (const auto& [pair, count] : counts)
      if (count > best_count) best = pair, best_count = count;
    if (best_count < 2) break;
    merges.push_back({best.first, best.second, best_count});
    for (auto& [symbols, count] : split) {
      std::vector<std::string> merged;
      for (std::size_t i = 0; i < symbols.size(); ++i) {
        if (i + 1 < symbols.size() && symbols[i] == best.first && symbols[i + 1] == best.second) {
          merged.push_back(best.first + best.second);
          ++i;
        } else {
          merged.push_back(symbols[i]);
        }
      }
      symbols = std::move(merged);
    }
  }
  return merges;
}

}  // namespace

TEST_CASE("bpe learns the merges of abracadabra", "[tokenizer][bpe]") {
  // a b r a c a d a b r a: ab, br, ra occur twice; ac, ca, ad, da once.
  // 1. ab, br, ra tie at 2; smallest left symbol "a" -> a+b.   [ab] r a c a d [ab] r a
  // 2. (ab,r) and (r,a) tie at 2; "ab" < "r" -> ab+r.           abr a c a d abr a
  // 3. (abr,a) 2 -> abr+a.                                      abra c a d abra
  // 4. every pair left occurs once: stop, although 10 merges were allowed.
  CHECK(learn({{"abracadabra", 1}}, 10) == "a+b:2 ab+r:2 abr+a:2");
}

TEST_CASE("bpe learns Sennrich's low/lower/newest/widest example", "[tokenizer][bpe]") {
  // Counts low 5, lower 2, newest 6, widest 3 (the paper's example, without its end-of-word mark).
  // Pair counts: lo 7, ow 7, we 8, er 2, ne 6, ew 6, es 9, st 9, wi 3, id 3, de 3.
  //  1. es, st tie at 9, "e" < "s": e+s:9     newest -> n e w es t, widest -> w i d es t
  //  2. (es,t) 9: es+t:9                      newest -> n e w est,  widest -> w i d est
  //  3. lo, ow tie at 7, "l" < "o": l+o:7     4. (lo,w) 7: lo+w:7   low -> low, lower -> low e r
  //  5. ne, ew, (w,est) tie at 6; "e" < "n" < "w": e+w:6            newest -> n ew est
  //  6. (n,ew), (ew,est) tie at 6; "ew" < "n": ew+est:6             7. n+ewest:6
  //  8. (d,est), id, wi tie at 3; "d" < "i" < "w": d+est:3  9. i+dest:3  10. w+idest:3
  // 11. (low,e), er tie at 2; "e" < "low": e+r:2            12. low+er:2   then nothing is left.
  const std::vector<WordCount> words = {{"low", 5}, {"lower", 2}, {"newest", 6}, {"widest", 3}};
  const std::string all =
      "e+s:9 es+t:9 l+o:7 lo+w:7 e+w:6 ew+est:6 n+ewest:6 d+est:3 i+dest:3 w+idest:3 e+r:2 low+er:2";
  CHECK(learn(words, 100) == all);
  CHECK(learn(words, 12) == all);
  CHECK(learn(words, 3) == "e+s:9 es+t:9 l+o:7");
}

TEST_CASE("bpe weights pairs by word frequency", "[tokenizer][bpe]") {
  CHECK(learn({{"cd", 2}, {"ab", 3}}, 10) == "a+b:3 c+d:2");
  CHECK(learn({{"ab", 1}, {"cd", 2}, {"ab", 1}}, 10) == "a+b:2 c+d:2");  // repeated entries add up
}

TEST_CASE("bpe ties do not depend on the order of the words", "[tokenizer][bpe]") {
  // Every pair occurs twice; the order is (left, right) in code-point order whatever the input order.
  CHECK(learn({{"yz", 2}, {"xy", 2}, {"ab", 2}}, 10) == "a+b:2 x+y:2 y+z:2");
  CHECK(learn({{"ab", 2}, {"xy", 2}, {"yz", 2}}, 10) == "a+b:2 x+y:2 y+z:2");
}

TEST_CASE("bpe counts overlapping pairs and merges them left to right", "[tokenizer][bpe]") {
  // "aaa" twice: (a,a) occurs at 0 and 1, so 4 times; merging gives "aa a"; then (aa,a) 2.
  CHECK(learn({{"aaa", 2}}, 10) == "a+a:4 aa+a:2");
  // "aaaa" once: (a,a) 3 -> "aa aa"; (aa,aa) occurs once: stop.
  CHECK(learn({{"aaaa", 1}}, 10) == "a+a:3");
  // "abab" once: ab 2, ba 1 -> a+b; then (ab,ab) once: stop.
  CHECK(learn({{"abab", 1}}, 10) == "a+b:2");
}

TEST_CASE("bpe stops when the best pair occurs fewer than 2 times", "[tokenizer][bpe]") {
  CHECK(learn({{"unbelievable", 1}}, 10).empty());  // a word seen once with no repeated pair
  CHECK(learn({{"x", 100}, {"y", 3}}, 10).empty());  // single code points have no pairs
  CHECK(learn({}, 10).empty());
  CHECK(learn({{"", 4}}, 10).empty());
}

TEST_CASE("bpe symbols are code points, never bytes", "[tokenizer][bpe]") {
  // 한 is ED 95 9C and 국 is EA B5 AD in UTF-8; a byte-level BPE would merge bytes first.
  CHECK(learn({{"한국어", 1}, {"한국", 1}, {"한국인", 1}}, 10) == "한+국:3");
  CHECK(learn({{"éa", 2}}, 10) == "é+a:2");
}

TEST_CASE("bpe with 0 merges learns nothing; the merge count is validated", "[tokenizer][bpe]") {
  CHECK(embplay::learn_bpe({{"abab", 5}}, 0).empty());
  CHECK_THROWS_WITH(embplay::learn_bpe({{"ab", 2}}, -1), "merges must be between 0 and 100000, got -1");
  CHECK_THROWS_AS(embplay::learn_bpe({{"ab", 2}}, embplay::kMaxMerges + 1), std::invalid_argument);
  CHECK(learn({{"ab", 2}}, embplay::kMaxMerges) == "a+b:2");
}

TEST_CASE("bpe incremental trainer equals the naive recounting trainer", "[tokenizer][bpe]") {
  // Seeded random corpora over a tiny alphabet (so ties, overlaps and repeats abound).
  const std::vector<std::string> alphabet = {"a", "b", "c", "é", "한"};
  const std::uint64_t seed = GENERATE(1, 2, 3, 4, 5, 6, 7, 8);
  embplay::Rng rng(seed);
  std::vector<WordCount> words;
  for (int w = 0; w < 40; ++w) {
    std::string word;
    const std::uint32_t length = 1 + rng.below(9);
    for (std::uint32_t i = 0; i < length; ++i) word += alphabet[rng.below(static_cast<std::uint32_t>(alphabet.size()))];
    words.push_back({word, 1 + rng.below(4)});
  }
  INFO("seed " << seed);
  CHECK(merges_string(embplay::learn_bpe(words, 60)) == merges_string(naive_bpe(words, 60)));
}

TEST_CASE("count_words gives distinct words by first occurrence", "[tokenizer][bpe]") {
  embplay::TokenSequence tokens;
  tokens.push("the", 0, 3);
  tokens.push("cat", 4, 7);
  tokens.push("the", 8, 11);
  tokens.push("한국", 12, 18);
  tokens.push("the", 19, 22);
  const auto counts = embplay::count_words(tokens);
  REQUIRE(counts.size() == 3);
  CHECK(counts[0].word == "the");
  CHECK(counts[0].count == 3);
  CHECK(counts[1].word == "cat");
  CHECK(counts[1].count == 1);
  CHECK(counts[2].word == "한국");
  CHECK(counts[2].count == 1);
  CHECK(embplay::count_words(embplay::TokenSequence()).empty());
}

TEST_CASE("count_words cuts words longer than kBpeChunkLength code points", "[tokenizer][bpe]") {
  static_assert(embplay::kBpeChunkLength == 1024, "the numbers below assume chunks of 1024");
  std::string hangul;
  for (int i = 0; i < 1030; ++i) hangul += "한";  // 3 bytes each
  CHECK(embplay::bpe_chunk_end(hangul, 0) == 3 * 1024);
  CHECK(embplay::bpe_chunk_end(hangul, 3 * 1024) == hangul.size());

  embplay::TokenSequence tokens;
  const std::string long_a(2048 + 6, 'a');
  tokens.push(long_a, 0, static_cast<std::uint32_t>(long_a.size()));
  tokens.push(hangul, 0, static_cast<std::uint32_t>(hangul.size()));
  const auto counts = embplay::count_words(tokens);
  REQUIRE(counts.size() == 4);
  CHECK(counts[0].word == std::string(1024, 'a'));
  CHECK(counts[0].count == 2);
  CHECK(counts[1].word == "aaaaaa");
  CHECK(counts[2].word.size() == 3 * 1024);
  CHECK(counts[3].word == "한한한한한한");
}
