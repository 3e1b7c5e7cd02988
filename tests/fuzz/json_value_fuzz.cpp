// Fuzz target: the strict JSON parser of safetensors headers (src/formats/json_value.h) on
// arbitrary text. Properties:
//  * a refusal is a JsonError "JSON header: <what> at byte N" on one printable line, N <= size;
//  * surrounding JSON whitespace changes nothing (same value, or a refusal again);
//  * an accepted value: strings valid UTF-8, objects without repeated keys, numbers exactly the
//    literals of RFC 8259's grammar (checked by a separate matcher) that strtod reads whole,
//    as_uint64 equal to a slow decimal reference, nesting within the limit, and the limit exact
//    (the value parses with max_depth = its depth, and is refused with one less);
//  * written back by a minimal writer below (strings escaped, numbers as written), it parses to
//    the same value, and writing that again gives the same text.
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <optional>
#include <set>

#include "formats/json_value.h"
#include "fuzz_check.h"

namespace {

using namespace embplay;

bool same(const JsonValue& a, const JsonValue& b) {
  if (a.type != b.type || a.boolean != b.boolean || a.text != b.text) return false;
  if (a.items.size() != b.items.size() || a.members.size() != b.members.size()) return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!same(a.items[i], b.items[i])) return false;
  for (std::size_t i = 0; i < a.members.size(); ++i)
    if (a.members[i].first != b.members[i].first || !same(a.members[i].second, b.members[i].second)) return false;
  return true;
}

void write_string(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

void write(std::string& out, const JsonValue& v) {
  switch (v.type) {
    case JsonValue::Type::Null: out += "null"; return;
    case JsonValue::Type::Bool: out += v.boolean ? "true" : "false"; return;
    case JsonValue::Type::Number: out += v.text; return;
    case JsonValue::Type::String: write_string(out, v.text); return;
    case JsonValue::Type::Array:
      out += '[';
      for (std::size_t i = 0; i < v.items.size(); ++i) out += (i ? "," : ""), write(out, v.items[i]);
      out += ']';
      return;
    case JsonValue::Type::Object:
      out += '{';
      for (std::size_t i = 0; i < v.members.size(); ++i) {
        if (i) out += ',';
        write_string(out, v.members[i].first);
        out += ':';
        write(out, v.members[i].second);
      }
      out += '}';
      return;
  }
}

std::string written(const JsonValue& v) {
  std::string out;
  write(out, v);
  return out;
}

// RFC 8259 section 6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
bool is_json_number(const std::string& s) {
  std::size_t i = 0;
  auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  auto run = [&] {
    const std::size_t start = i;
    while (digit(i)) ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!run()) {
    return false;
  }
  if (i < s.size() && s[i] == '.' && (++i, !run())) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!run()) return false;
  }
  return i == s.size();
}

// The value of a string of decimal digits if below 2^64, by long addition on the digits.
std::optional<std::uint64_t> slow_uint64(const std::string& s) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const std::string max = "18446744073709551615";
  const std::size_t first = s.find_first_not_of('0');
  const std::string digits = first == std::string::npos ? "0" : s.substr(first);
  if (digits.size() > max.size() || (digits.size() == max.size() && digits > max)) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  return v;
}

// Nesting depth as the parser counts it: 1 for an array or object, + its deepest item.
std::size_t depth_of(const JsonValue& v) {
  std::size_t inner = 0;
  for (const auto& item : v.items) inner = std::max(inner, depth_of(item));
  for (const auto& m : v.members) inner = std::max(inner, depth_of(m.second));
  const bool container = v.is(JsonValue::Type::Array) || v.is(JsonValue::Type::Object);
  return container ? inner + 1 : 0;
}

void check_value(const JsonValue& v) {
  if (v.is(JsonValue::Type::String)) FUZZ_CHECK(count_invalid_utf8(v.text) == 0);
  if (v.is(JsonValue::Type::Number)) {
    FUZZ_CHECK(is_json_number(v.text));
    char* end = nullptr;
    errno = 0;
    std::strtod(v.text.c_str(), &end);
    FUZZ_CHECK(end == v.text.c_str() + v.text.size());
    FUZZ_CHECK(v.as_uint64() == slow_uint64(v.text));
  } else {
    FUZZ_CHECK(!v.as_uint64());
  }
  std::set<std::string> keys;
  for (const auto& m : v.members) {
    FUZZ_CHECK(count_invalid_utf8(m.first) == 0 && keys.insert(m.first).second);
    FUZZ_CHECK(v.find(m.first) == &m.second);
    check_value(m.second);
  }
  for (const auto& item : v.items) check_value(item);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(fuzz::as_text(data, size));
  std::optional<JsonValue> value;
  const std::string message = fuzz::refusal_of<JsonError>([&] { value.emplace(parse_json(text)); });
  std::optional<JsonValue> padded;
  const std::string padded_message = fuzz::refusal_of<JsonError>([&] { padded.emplace(parse_json(" \n\t\r" + text + "\r\t\n ")); });
  if (!value) {
    const std::size_t at = message.rfind(" at byte ");
    FUZZ_CHECK(message.rfind("JSON header: ", 0) == 0 && at != std::string::npos);
    FUZZ_CHECK(std::strtoull(message.c_str() + at + 9, nullptr, 10) <= size);
    FUZZ_CHECK(!padded);
    return 0;
  }
  FUZZ_CHECK(padded && same(*value, *padded));
  check_value(*value);

  const std::size_t depth = depth_of(*value);
  FUZZ_CHECK(depth <= kJsonMaxDepth);
  FUZZ_CHECK(same(parse_json(text, depth), *value));
  if (depth > 0) FUZZ_CHECK(!fuzz::refusal_of<JsonError>([&] { parse_json(text, depth - 1); }).empty());

  const std::string once = written(*value);
  const JsonValue again = parse_json(once);
  FUZZ_CHECK(same(again, *value));
  FUZZ_CHECK(written(again) == once);
  return 0;
}
