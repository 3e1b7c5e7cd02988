// Tests for bpe_tokenizer.h: learned pieces with the ## display, rank order when applying merges,
// Hangul, exact byte spans (also when lowercasing changes byte lengths), merges = 0, empty and
// punctuation-only text, and that encoding the training text gives its words back piece by piece.
#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "text/bpe_tokenizer.h"
#include "text/bpe_trainer.h"
#include "test_helpers.h"
#include "text/tokenizer.h"
#include "text/word_tokenizer.h"

namespace {

using embplay::test::golden;
using embplay::test::texts;

std::unique_ptr<embplay::Tokenizer> train(const std::string& text, int merges, bool lowercase = false) {
  embplay::TokenizerOptions options;
  options.mode = embplay::TokenizerMode::Bpe;
  options.merges = merges;
  options.lowercase = lowercase;
  return embplay::make_bpe_tokenizer(options, text);
}

std::string merges_string(const std::vector<embplay::BpeMerge>& merges) {
  std::string out;
  for (const auto& m : merges) {
    if (!out.empty()) out += ' ';
    out += m.left + '+' + m.right + ':' + std::to_string(m.count);
  }
  return out;
}

// Encodes `text` with `tokenizer` and checks, word by word (words from the word tokenizer), that
// the pieces tile the word's byte span and their texts join to the word's text.
void check_pieces_rebuild_words(const embplay::Tokenizer& tokenizer, const std::string& text, bool lowercase) {
  const auto words = embplay::WordTokenizer(lowercase).encode(text);
  const auto pieces = tokenizer.encode(text);
  std::size_t p = 0;
  for (std::size_t w = 0; w < words.size(); ++w) {
    INFO("word " << w << ": " << words.text(w));
    REQUIRE(p < pieces.size());
    CHECK_FALSE(pieces.continues_word(p));
    CHECK(pieces.start(p) == words.start(w));
    std::string joined(pieces.text(p));
    std::uint32_t end = pieces.end(p);
    for (++p; p < pieces.size() && pieces.continues_word(p); ++p) {
      CHECK(pieces.start(p) == end);
      CHECK(pieces.start(p) < pieces.end(p));
      joined += pieces.text(p);
      end = pieces.end(p);
    }
    CHECK(end == words.end(w));
    CHECK(joined == words.text(w));
  }
  CHECK(p == pieces.size());
}

}  // namespace

TEST_CASE("bpe learns play and ##ing", "[tokenizer][bpe]") {
  // Word counts: playing 2, played 1, plays 1, player 1. Pair counts: pl, la, ay 5; yi, in, ng, ye 2;
  // ed, ys, er 1. Ties go to the smaller left symbol, then the smaller right one:
  //  1. a+y:5 (a < l < p)   2. l+ay:5 (l < p)   3. p+lay:5  -> play i n g, play e d, play s, play e r
  //  4. at 2: (i,n) (n,g) (play,i) (play,e); "i" is smallest: i+n:2   -> play in g
  //  5. at 2: (in,g) (play,in) (play,e): in+g:2                       -> play ing
  //  6. at 2: (play,e) (play,ing); same left, "e" < "ing": play+e:2   -> playe d, playe r
  //  7. play+ing:2; then every pair occurs once: stop.
  const std::string text = "playing played plays player playing";
  const auto all = train(text, 100);
  CHECK(merges_string(all->merges()) == "a+y:5 l+ay:5 p+lay:5 i+n:2 in+g:2 play+e:2 play+ing:2");

  const auto five = train(text, 5);
  CHECK(merges_string(five->merges()) == "a+y:5 l+ay:5 p+lay:5 i+n:2 in+g:2");
  const auto tokens = five->encode(text);
  CHECK(golden(tokens) ==
        "play[0,4) ##ing[4,7) play[8,12) ##e[12,13) ##d[13,14) play[15,19) ##s[19,20) "
        "play[21,25) ##e[25,26) ##r[26,27) play[28,32) ##ing[32,35)");
  CHECK(tokens.text(1) == "ing");  // the vocabulary key has no ##; only the display does
  CHECK_FALSE(tokens.continues_word(0));
  CHECK(tokens.continues_word(1));

  CHECK(texts(all->encode("playing player replaying")) == "playing playe ##r r ##e ##playing");
}

TEST_CASE("bpe applies merges by rank, not left to right", "[tokenizer][bpe]") {
  // Rank 0 is b+c, so "abc" becomes a|bc and a+b (rank 1) no longer applies.
  const embplay::BpeTokenizer tokenizer({{"b", "c", 2}, {"a", "b", 2}}, false);
  CHECK(texts(tokenizer.encode("abc abd")) == "a ##bc ab ##d");
  // Equal ranks merge leftmost first, without overlaps: "aaa" -> aa|a, "aaaaa" -> aa|aa|a -> aaaa|a.
  const embplay::BpeTokenizer doubling({{"a", "a", 4}, {"aa", "aa", 2}}, false);
  CHECK(texts(doubling.encode("aaa aaaaa")) == "aa ##a aaaa ##a");
  CHECK(doubling.split_word("aaaaaaa") == std::vector<std::uint32_t>{4, 2, 1});
}

TEST_CASE("bpe merges Hangul syllables, never bytes", "[tokenizer][bpe]") {
  // Words 한국어, 한국, 한국인: (한,국) occurs 3 times, (국,어) and (국,인) once each.
  const auto tokenizer = train("한국어 한국 한국인", 10);
  CHECK(merges_string(tokenizer->merges()) == "한+국:3");
  // Each syllable is 3 bytes in UTF-8.
  CHECK(golden(tokenizer->encode("한국어 한국인")) == "한국[0,6) ##어[6,9) 한국[10,16) ##인[16,19)");
  CHECK(golden(tokenizer->encode("국한")) == "국[0,3) ##한[3,6)");
}

TEST_CASE("bpe byte spans slice the original text when lowercasing changes lengths", "[tokenizer][bpe]") {
  // U+212A KELVIN SIGN (3 bytes) lowercases to "k" (1 byte). Words: kab, kab -> (a,b) 2 and
  // (k,a) 2 tie, "a" < "k": a+b first; with one merge "Kab" is k|ab.
  const std::string text = "\u212A" "ab \u212A" "ab";
  const auto tokenizer = train(text, 1, /*lowercase=*/true);
  CHECK(merges_string(tokenizer->merges()) == "a+b:2");
  const auto tokens = tokenizer->encode(text);
  CHECK(golden(tokens) == "k[0,3) ##ab[3,5) k[6,9) ##ab[9,11)");
  CHECK(text.substr(tokens.start(0), tokens.end(0) - tokens.start(0)) == "\u212A");

  // Mixed case and scripts: the pieces rebuild the lowercased words and tile the original spans.
  const std::string mixed = "\u212Aelvin KELVIN kelvin ΣΊΣΥΦΟΣ σίσυφος İstanbul ISTANBUL istanbul";
  const auto lowered = train(mixed, 50, /*lowercase=*/true);
  check_pieces_rebuild_words(*lowered, mixed, true);
  CHECK(texts(lowered->encode("\u212A")) == "k");
}

TEST_CASE("bpe pieces of the training text rebuild its words exactly", "[tokenizer][bpe]") {
  const std::string text =
      "The quick brown fox jumps over the lazy dog. 빠른 갈색 여우가 게으른 개를 뛰어넘는다! "
      "Les œufs brouillés, naïve café — 東京タワー 123 4567 don't stop 👍🏽 the the the quickest";
  for (int merges : {0, 5, 40, 1000}) {
    INFO("merges " << merges);
    const auto tokenizer = train(text, merges);
    check_pieces_rebuild_words(*tokenizer, text, false);
  }
  // With every merge learned, each word seen at least twice comes back as one piece.
  CHECK(texts(train(text, 1000)->encode("the quick")) == "the quick");
}

TEST_CASE("bpe with 0 merges splits words into code points", "[tokenizer][bpe]") {
  const auto tokenizer = train("hello 세계", 0);
  CHECK(tokenizer->merges().empty());
  CHECK(golden(tokenizer->encode("hello 세계")) ==
        "h[0,1) ##e[1,2) ##l[2,3) ##l[3,4) ##o[4,5) 세[6,9) ##계[9,12)");
}

TEST_CASE("bpe on empty and punctuation-only text", "[tokenizer][bpe]") {
  const auto empty = train("", 200);
  CHECK(empty->merges().empty());
  CHECK(empty->encode("").empty());
  CHECK(texts(empty->encode("ab")) == "a ##b");  // nothing learned: code points

  // Every punctuation mark is a word of one code point, so there are no pairs to merge.
  const auto punctuation = train("?! ... ,,, !!", 200);
  CHECK(punctuation->merges().empty());
  CHECK(golden(punctuation->encode("?!..")) == "?[0,1) ![1,2) .[2,3) .[3,4)");
  CHECK(train("   \n\t  ", 10)->encode("   ").empty());
}

TEST_CASE("bpe learns nothing from a word seen once", "[tokenizer][bpe]") {
  CHECK(train("unbelievable", 100)->merges().empty());
  // ... unless a pair repeats inside it: "abab" has (a,b) twice.
  const auto abab = train("abab", 100);
  CHECK(merges_string(abab->merges()) == "a+b:2");
  CHECK(texts(abab->encode("abab")) == "ab ##ab");
}

TEST_CASE("bpe is deterministic", "[tokenizer][bpe]") {
  const std::string text = "a rose is a rose is a rose; 장미는 장미는 장미다 arose roses";
  const auto first = train(text, 30);
  const auto second = train(text, 30);
  CHECK(merges_string(first->merges()) == merges_string(second->merges()));
  CHECK(golden(first->encode(text)) == golden(second->encode(text)));
  // The same words in another order learn the same merges (ties are broken by the symbols).
  const auto reordered = train("arose roses 장미다 장미는 장미는 rose; a is rose a is rose a", 30);
  CHECK(merges_string(first->merges()) == merges_string(reordered->merges()));
}

TEST_CASE("bpe keeps invalid UTF-8 as U+FFFD and counts it", "[tokenizer][bpe]") {
  const std::string text = "ab\xFF" "ab";
  const auto tokens = train(text, 10)->encode(text);
  CHECK(golden(tokens) == "ab[0,2) \xEF\xBF\xBD[2,3) ab[3,5)");
  CHECK(tokens.invalid_utf8() == 1);
}

TEST_CASE("bpe cuts words longer than kBpeChunkLength code points into chunks", "[tokenizer][bpe]") {
  static_assert(embplay::kBpeChunkLength == 1024, "the numbers below assume chunks of 1024");
  // 3000 "a" are chunks of 1024, 1024 and 952. Merge counts, with C1 = (1024, twice) and C2 = 952:
  //  a+a     1023*2 + 951 = 2997   (unchunked it would be 2999)  -> C1: 512 aa, C2: 476 aa
  //  aa+aa    511*2 + 475 = 1497   a4+a4 255*2 + 237 = 747        a8+a8 127*2 + 118 = 372
  //  then C2 keeps a leftover a8: a16+a16 63*2 + 58 = 184; a32+a32 31*2 + 28 = 90;
  //  a64+a64 15*2 + 13 = 43; a128+a128 7*2 + 6 = 20; a256+a256 3*2 + 2 = 8; a512+a512 1*2 = 2;
  //  then every pair occurs once: 10 merges. C2 = 952 = 512+256+128+32+16+8.
  const std::string text(3000, 'a');
  const auto tokenizer = train(text, 100);
  std::string counts;
  for (const auto& m : tokenizer->merges()) counts += std::to_string(m.count) + ' ';
  CHECK(counts == "2997 1497 747 372 184 90 43 20 8 2 ");
  const auto tokens = tokenizer->encode(text);
  std::string spans;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    spans += (tokens.continues_word(i) ? "##[" : "[") + std::to_string(tokens.start(i)) + ',' +
             std::to_string(tokens.end(i)) + ") ";
  CHECK(spans == "[0,1024) ##[1024,2048) ##[2048,2560) ##[2560,2816) ##[2816,2944) ##[2944,2976) "
                 "##[2976,2992) ##[2992,3000) ");
}

TEST_CASE("bpe pieces never cross a chunk boundary", "[tokenizer][bpe]") {
  // "c" then 1100 "a": the first chunk is c + 1023 a, the second 77 a. Whatever merges are
  // learned, a piece starts at code point 1024; without chunks the runs of a, grouped from code
  // point 1, would have their boundaries at 1 + multiples of a power of two.
  const std::string text = "c" + std::string(1100, 'a');
  const auto tokens = train(text, 100)->encode(text);
  bool boundary = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens.start(i) != 1024) continue;
    boundary = true;
    CHECK(tokens.continues_word(i));
  }
  CHECK(boundary);
}

TEST_CASE("bpe handles a long run of one character", "[tokenizer][bpe]") {
  // Catastrophic repetition: one word of 100000 "a" is 97 chunks of 1024 and one of 672, so
  // (a,a) occurs 97 * 1023 + 671 = 99902 times. The pieces still rebuild the word.
  const std::string text(100000, 'a');
  const auto tokenizer = train(text, 100);
  REQUIRE_FALSE(tokenizer->merges().empty());
  CHECK(tokenizer->merges()[0].left == "a");
  CHECK(tokenizer->merges()[0].count == 99902);
  check_pieces_rebuild_words(*tokenizer, text, false);
}

TEST_CASE("bpe spans stay exact across chunks of a long lowercased word", "[tokenizer][bpe]") {
  // 1500 Kelvin signs (3 bytes each) lowercase to "k" (1 byte): chunk boundaries are counted in
  // code points of the lowercased text and mapped back to the 3-byte source characters.
  std::string text;
  for (int i = 0; i < 1500; ++i) text += "\u212A";
  const auto tokenizer = train(text, 0, /*lowercase=*/true);
  const auto tokens = tokenizer->encode(text);
  REQUIRE(tokens.size() == 1500);
  CHECK(tokens.start(1024) == 3 * 1024);
  CHECK(tokens.end(1499) == 4500);
  CHECK(tokens.text(1499) == "k");
  check_pieces_rebuild_words(*train(text, 20, true), text, true);
}

TEST_CASE("bpe factory validates the merge count", "[tokenizer][bpe]") {
  CHECK_THROWS_WITH(train("abc", -1), "merges must be between 0 and 100000, got -1");
  CHECK_THROWS_WITH(train("abc", embplay::kMaxMerges + 1), "merges must be between 0 and 100000, got 100001");
  CHECK_THROWS_AS(train("abc", -5), std::invalid_argument);
  CHECK_NOTHROW(train("abc abc", embplay::kMaxMerges));
}
