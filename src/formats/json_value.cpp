// Strict recursive-descent JSON parser; see json_value.h. Grammar: RFC 8259 sections 2-8.
#include "formats/json_value.h"

#include <algorithm>

#include "text/message_quote.h"
#include "text/utf8.h"

namespace embplay {

namespace {

class Parser {
 public:
  Parser(std::string_view text, std::size_t max_depth) : s_(text), max_depth_(max_depth) {}

  JsonValue parse_document() {
    skip_space();
    JsonValue v = parse_value(0);
    skip_space();
    if (pos_ != s_.size()) fail("unexpected text after the value");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw JsonError("JSON header: " + what + " at byte " + std::to_string(pos_));
  }

  bool at_end() const noexcept { return pos_ >= s_.size(); }
  char peek() const noexcept { return at_end() ? '\0' : s_[pos_]; }

  void skip_space() noexcept {
    while (!at_end() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }

  void expect(char c) {
    if (peek() != c) fail(std::string("expected '") + c + "'");
    ++pos_;
  }

  JsonValue parse_value(std::size_t depth) {
    if (at_end()) fail("unexpected end");
    const char c = peek();
    if (c == '{') return parse_object(depth + 1);
    if (c == '[') return parse_array(depth + 1);
    JsonValue v;
    if (c == '"') {
      v.type = JsonValue::Type::String;
      v.text = parse_string();
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.type = JsonValue::Type::Number;
      v.text = parse_number();
    } else {
      parse_literal(v);
    }
    return v;
  }

  void parse_literal(JsonValue& v) {
    for (const char* word : {"true", "false", "null"}) {
      if (s_.substr(pos_, std::char_traits<char>::length(word)) != word) continue;
      pos_ += std::char_traits<char>::length(word);
      v.type = word[0] == 'n' ? JsonValue::Type::Null : JsonValue::Type::Bool;
      v.boolean = word[0] == 't';
      return;
    }
    fail("unexpected character");
  }

  void check_depth(std::size_t depth) const {
    if (depth > max_depth_) fail("nesting deeper than " + std::to_string(max_depth_) + " levels");
  }

  JsonValue parse_object(std::size_t depth) {
    check_depth(depth);
    JsonValue v;
    v.type = JsonValue::Type::Object;
    expect('{');
    skip_space();
    if (peek() == '}') return ++pos_, v;
    for (;;) {
      skip_space();
      if (peek() != '"') fail("expected a string key");
      std::string key = parse_string();
      skip_space();
      expect(':');
      skip_space();
      v.members.emplace_back(std::move(key), parse_value(depth));
      skip_space();
      if (peek() == '}') break;
      expect(',');
    }
    ++pos_;
    check_duplicates(v);
    return v;
  }

  void check_duplicates(const JsonValue& v) const {
    std::vector<std::string_view> keys;
    keys.reserve(v.members.size());
    for (const auto& m : v.members) keys.push_back(m.first);
    std::sort(keys.begin(), keys.end());
    const auto dup = std::adjacent_find(keys.begin(), keys.end());
    if (dup != keys.end()) fail("duplicate key " + quote_for_message(*dup) + " in the object ending");
  }

  JsonValue parse_array(std::size_t depth) {
    check_depth(depth);
    JsonValue v;
    v.type = JsonValue::Type::Array;
    expect('[');
    skip_space();
    if (peek() == ']') return ++pos_, v;
    for (;;) {
      skip_space();
      v.items.push_back(parse_value(depth));
      skip_space();
      if (peek() == ']') break;
      expect(',');
    }
    ++pos_;
    return v;
  }

  std::string parse_number() {
    const std::size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
    } else if (!digits()) {
      fail("malformed number");
    }
    if (peek() == '.') {
      ++pos_;
      if (!digits()) fail("malformed number");
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!digits()) fail("malformed number");
    }
    return std::string(s_.substr(start, pos_ - start));
  }

  bool digits() noexcept {
    const std::size_t start = pos_;
    while (!at_end() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  std::string parse_string() {
    expect('"');
    std::string out;
    for (;;) {
      if (at_end()) fail("unterminated string");
      const auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') break;
      if (c < 0x20) fail("control character in a string");
      if (c == '\\') {
        parse_escape(out);
      } else if (c < 0x80) {
        out += static_cast<char>(c);
        ++pos_;
      } else {
        copy_utf8(out);
      }
    }
    ++pos_;
    return out;
  }

  void copy_utf8(std::string& out) {
    const DecodedChar d = decode_utf8(s_, pos_);
    if (!d.valid) fail("invalid UTF-8 in a string");
    out.append(s_.substr(pos_, d.length));
    pos_ += d.length;
  }

  void parse_escape(std::string& out) {
    ++pos_;
    if (at_end()) fail("unterminated string");
    const char e = s_[pos_++];
    switch (e) {
      case '"': out += '"'; return;
      case '\\': out += '\\'; return;
      case '/': out += '/'; return;
      case 'b': out += '\b'; return;
      case 'f': out += '\f'; return;
      case 'n': out += '\n'; return;
      case 'r': out += '\r'; return;
      case 't': out += '\t'; return;
      case 'u': append_utf8(out, parse_unicode_escape()); return;
      default: --pos_; fail("invalid escape");
    }
  }

  // After "\u": four hex digits, and for a high surrogate the "\uDC00".."\uDFFF" that must follow.
  char32_t parse_unicode_escape() {
    const char32_t first = hex4();
    if (first >= 0xDC00 && first <= 0xDFFF) fail("lone low surrogate escape");
    if (first < 0xD800 || first > 0xDBFF) return first;
    if (s_.substr(pos_, 2) != "\\u") fail("high surrogate escape without its low half");
    pos_ += 2;
    const char32_t second = hex4();
    if (second < 0xDC00 || second > 0xDFFF) fail("high surrogate escape without its low half");
    return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
  }

  char32_t hex4() {
    char32_t v = 0;
    for (int i = 0; i < 4; ++i, ++pos_) {
      const char c = peek();
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) fail("invalid \\u escape");
      v = v * 16 + static_cast<char32_t>(digit);
    }
    return v;
  }

  std::string_view s_;
  std::size_t max_depth_;
  std::size_t pos_ = 0;
};

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const noexcept {
  for (const auto& m : members)
    if (m.first == key) return &m.second;
  return nullptr;
}

std::optional<std::uint64_t> JsonValue::as_uint64() const noexcept {
  if (type != Type::Number || text.empty() || text.size() > 20) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (v > (UINT64_MAX - digit) / 10) return std::nullopt;
    v = v * 10 + digit;
  }
  return v;
}

JsonValue parse_json(std::string_view text, std::size_t max_depth) { return Parser(text, max_depth).parse_document(); }

const char* json_type_name(JsonValue::Type type) noexcept {
  switch (type) {
    case JsonValue::Type::Null: return "null";
    case JsonValue::Type::Bool: return "a boolean";
    case JsonValue::Type::Number: return "a number";
    case JsonValue::Type::String: return "a string";
    case JsonValue::Type::Array: return "an array";
    case JsonValue::Type::Object: return "an object";
  }
  return "a value";
}

}  // namespace embplay
