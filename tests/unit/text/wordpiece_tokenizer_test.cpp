// Tests for wordpiece_tokenizer.h: Google's docstring example (unaffable -> un ##aff ##able),
// greedy longest match, whole-word [UNK], the 100-character limit, and byte spans.
#include <catch2/catch.hpp>

#include "test_helpers.h"
#include "text/wordpiece_tokenizer.h"

using namespace embplay;

namespace {

const char* kVocab = "[PAD]\n[UNK]\n[CLS]\nun\n##aff\n##able\nplay\n##ing\n##ed\n##s\na\nab\n##bc\n##c\n##a\n,\ncafe\n";

WordPieceTokenizer tokenizer() { return WordPieceTokenizer(WordPieceVocab(kVocab), true); }

}  // namespace

TEST_CASE("wordpiece: pieces and ids", "[wordpiece]") {
  const WordPieceEncoding e = tokenizer().encode("unaffable, Playing plays played");
  CHECK(test::texts(e.tokens) == "un ##aff ##able , play ##ing play ##s play ##ed");
  CHECK(e.ids == std::vector<std::int32_t>{3, 4, 5, 15, 6, 7, 6, 9, 6, 8});
  CHECK(test::golden(tokenizer().encode("Caf\xC3\xA9 ab").tokens) == "cafe[0,5) ab[6,8)");
}

TEST_CASE("wordpiece: greedy longest match first, not the best split", "[wordpiece]") {
  // "abc": the longest first piece is "ab", then "##c"; a ##bc would also cover it.
  CHECK(test::texts(tokenizer().encode("abc").tokens) == "ab ##c");
}

TEST_CASE("wordpiece: a word with an unmatched part is one [UNK]", "[wordpiece]") {
  const WordPieceEncoding e = tokenizer().encode("play unplayable play");
  CHECK(test::golden(e.tokens) == "play[0,4) [UNK][5,15) play[16,20)");
  CHECK(e.ids[1] == 1);
  CHECK(test::texts(tokenizer().encode("[CLS]").tokens) == "[UNK] [UNK] [UNK]");  // "[", "cls", "]" as text
}

TEST_CASE("wordpiece: words over 100 characters are [UNK]", "[wordpiece]") {
  const WordPieceEncoding hundred = tokenizer().encode(std::string(100, 'a'));
  CHECK(hundred.ids.size() == 100);  // a ##a ##a ...
  CHECK(hundred.tokens.display_text(99) == "##a");
  const WordPieceEncoding over = tokenizer().encode(std::string(101, 'a'));
  CHECK(over.ids == std::vector<std::int32_t>{1});
  CHECK(over.tokens.end(0) == 101);
}
