// Tests for message_quote.h: names from files quoted on one printable line.
#include <catch2/catch.hpp>

#include <string>

#include "text/message_quote.h"

using namespace embplay;

TEST_CASE("message quote: plain text is quoted as written", "[message-quote]") {
  CHECK(quote_for_message("wte.weight") == "'wte.weight'");
  CHECK(quote_for_message("") == "''");
  CHECK(quote_for_message("왕 \\ \"x\"") == "'왕 \\ \"x\"'");
}

TEST_CASE("message quote: what would break or hide in a line is escaped", "[message-quote]") {
  CHECK(quote_for_message("a\nb") == "'a\\nb'");
  CHECK(quote_for_message("\r\t") == "'\\r\\t'");
  CHECK(quote_for_message(std::string("a\0b", 3)) == "'a\\u0000b'");
  CHECK(quote_for_message("\x1B[31m") == "'\\u001B[31m'");
  CHECK(quote_for_message("\x7F") == "'\\u007F'");
  CHECK(quote_for_message("\xC2\x85") == "'\\u0085'");        // NEL, a C1 control
  CHECK(quote_for_message("\xE2\x80\xA8") == "'\\u2028'");    // LINE SEPARATOR
  CHECK(quote_for_message("a\xFF\xC3") == "'a\\xFF\\xC3'");   // ill-formed bytes, one by one
}

TEST_CASE("message quote: long text is cut after max_chars code points", "[message-quote]") {
  CHECK(quote_for_message("abcdef", 3) == "'abc...'");
  CHECK(quote_for_message("abc", 3) == "'abc'");
  CHECK(quote_for_message("왕왕왕왕", 2) == "'왕왕...'");
  CHECK(quote_for_message(std::string(1000, 'x')).size() == kMessageQuoteMaxChars + 5);
}
