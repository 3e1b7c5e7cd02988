// Tests for wordpiece_vocab.h: ids are line numbers; broken files name the line.
#include <catch2/catch.hpp>

#include "text/wordpiece_vocab.h"

using namespace embplay;

TEST_CASE("wordpiece vocab: line number = id", "[wordpiece]") {
  const WordPieceVocab v("[PAD]\r\n[UNK]\nthe\n##s");
  CHECK(v.size() == 4);
  CHECK(v.id_of("[PAD]") == 0);
  CHECK(v.unk_id() == 1);
  CHECK(v.id_of("##s") == 3);
  CHECK(v.id_of("s") == -1);
  CHECK(v.token(2) == "the");
  CHECK(v.looks_uncased());
  CHECK_FALSE(WordPieceVocab("[UNK]\nThe\n").looks_uncased());
  const WordPieceVocab copy = v;
  CHECK(copy.id_of("the") == 2);
}

TEST_CASE("wordpiece vocab: broken files", "[wordpiece]") {
  CHECK_THROWS_WITH(WordPieceVocab(""), "vocab.txt is empty");
  CHECK_THROWS_WITH(WordPieceVocab("a\nb\n"), "vocab.txt has no [UNK] token");
  CHECK_THROWS_WITH(WordPieceVocab("[UNK]\n\nb\n"), "vocab.txt line 2: empty token");
  CHECK_THROWS_WITH(WordPieceVocab("[UNK]\nb\nb\n"), "vocab.txt line 3: 'b' repeats line 2");
  CHECK_THROWS_WITH(WordPieceVocab("[UNK]\n\xFF\n"), "vocab.txt line 2: invalid UTF-8");
  // Found by the wordpiece fuzz target: a line may hold a carriage return or control character.
  CHECK_THROWS_WITH(WordPieceVocab("[UNK]\na\rb\na\rb\n"), "vocab.txt line 3: 'a\\rb' repeats line 2");
}
