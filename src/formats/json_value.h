// A small strict JSON parser (RFC 8259) for the headers of binary formats (safetensors):
// objects, arrays, strings, numbers, true, false, null, and nothing else. Strict means:
// no comments, no trailing commas, no leading zeros, no control characters or invalid UTF-8
// in strings, no lone surrogate escapes, no duplicate keys, no text after the value, and a
// nesting limit (so a hostile header cannot exhaust the stack). Numbers keep the literal as
// written, so an offset of 2^53 + 1 is read exactly (as_uint64), not through a double.
// Errors throw JsonError "JSON header: <what> at byte N".
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace embplay {

struct JsonError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

struct JsonValue {
  enum class Type { Null, Bool, Number, String, Array, Object };

  Type type = Type::Null;
  bool boolean = false;
  std::string text;                                        // String: decoded UTF-8; Number: the literal
  std::vector<JsonValue> items;                            // Array
  std::vector<std::pair<std::string, JsonValue>> members;  // Object, in the order written

  bool is(Type t) const noexcept { return type == t; }
  // The member named `key`, or nullptr (also for non-objects).
  const JsonValue* find(std::string_view key) const noexcept;
  // A Number written as a non-negative integer (no sign, fraction or exponent) that fits in
  // 64 bits; nullopt otherwise.
  std::optional<std::uint64_t> as_uint64() const noexcept;
};

inline constexpr std::size_t kJsonMaxDepth = 64;

// Parses one JSON value filling all of `text` (surrounding whitespace allowed).
JsonValue parse_json(std::string_view text, std::size_t max_depth = kJsonMaxDepth);

// A short name for a type in messages: "an object", "a string", ...
const char* json_type_name(JsonValue::Type type) noexcept;

}  // namespace embplay
