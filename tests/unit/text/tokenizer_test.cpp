// Tests for src/text/tokenizer.h: mode names, the factory and its validation.
#include <stdexcept>
#include <string>

#include "test_helpers.h"
#include "text/tokenizer.h"

using embplay::make_tokenizer;
using embplay::parse_tokenizer_mode;
using embplay::TokenizerMode;
using embplay::TokenizerOptions;
using embplay::test::golden;
using embplay::test::texts;

TEST_CASE("tokenizer modes parse and print", "[tokenizer]") {
  CHECK(parse_tokenizer_mode("word") == TokenizerMode::Word);
  CHECK(parse_tokenizer_mode("char") == TokenizerMode::Char);
  CHECK(parse_tokenizer_mode("bpe") == TokenizerMode::Bpe);
  CHECK(std::string(embplay::tokenizer_mode_name(TokenizerMode::Word)) == "word");
  CHECK(std::string(embplay::tokenizer_mode_name(TokenizerMode::Char)) == "char");
  CHECK(std::string(embplay::tokenizer_mode_name(TokenizerMode::Bpe)) == "bpe");
  CHECK_THROWS_MATCHES(parse_tokenizer_mode("wordpiece"), std::invalid_argument,
                       Catch::Message("unknown tokenizer mode 'wordpiece' (valid modes: word, char, bpe)"));
  CHECK_THROWS_AS(parse_tokenizer_mode("Word"), std::invalid_argument);
  CHECK_THROWS_AS(parse_tokenizer_mode(""), std::invalid_argument);
}

TEST_CASE("make_tokenizer builds each mode", "[tokenizer]") {
  TokenizerOptions options;
  SECTION("word") {
    options.mode = TokenizerMode::Word;
    options.lowercase = true;
    const auto t = make_tokenizer(options, "");
    CHECK(texts(t->encode("Hello, World")) == "hello , world");
    CHECK(t->merges().empty());
  }
  SECTION("char") {
    options.mode = TokenizerMode::Char;
    options.keep_whitespace = true;
    const auto t = make_tokenizer(options, "");
    CHECK(golden(t->encode("a b")) == "a[0,1)  [1,2) b[2,3)");
    CHECK(t->merges().empty());
  }
  SECTION("bpe with no merges splits words into continuing code points") {
    options.mode = TokenizerMode::Bpe;
    options.merges = 0;
    const auto t = make_tokenizer(options, "ab ab");
    CHECK(t->merges().empty());
    CHECK(golden(t->encode("ab")) == "a[0,1) ##b[1,2)");
  }
}

TEST_CASE("make_tokenizer rejects merges out of range", "[tokenizer]") {
  TokenizerOptions options;
  options.merges = -1;
  CHECK_THROWS_MATCHES(make_tokenizer(options, ""), std::invalid_argument,
                       Catch::Message("merges must be between 0 and 100000, got -1"));
  options.mode = TokenizerMode::Bpe;
  options.merges = embplay::kMaxMerges + 1;
  CHECK_THROWS_MATCHES(make_tokenizer(options, "text"), std::invalid_argument,
                       Catch::Message("merges must be between 0 and 100000, got 100001"));
  options.mode = TokenizerMode::Word;
  options.merges = embplay::kMaxMerges;
  CHECK_NOTHROW(make_tokenizer(options, ""));
}
