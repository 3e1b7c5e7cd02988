// Reading and validating a safetensors header; see safetensors_header.h.
#include "formats/safetensors_header.h"

#include <algorithm>

#include "formats/json_value.h"
#include "text/message_quote.h"

namespace embplay {

namespace {

[[noreturn]] void fail(const std::string& what) { throw SafetensorsError(what); }

// Names come from the file: quoted on one printable line (message_quote.h).
std::string quoted(std::string_view name) { return quote_for_message(name); }

std::uint64_t read_u64_le(std::string_view bytes) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)]);
  return v;
}

std::uint64_t require_uint(const JsonValue& v, const std::string& what) {
  const auto n = v.as_uint64();
  if (!n) fail(what + " is not a non-negative integer");
  return *n;
}

const JsonValue& require_member(const JsonValue& entry, const std::string& tensor, const char* key) {
  const JsonValue* v = entry.find(key);
  if (!v) fail("tensor " + quoted(tensor) + " has no \"" + key + "\"");
  return *v;
}

std::vector<std::uint64_t> read_shape(const JsonValue& v, const std::string& tensor) {
  if (!v.is(JsonValue::Type::Array)) fail("tensor " + quoted(tensor) + ": \"shape\" is not an array");
  std::vector<std::uint64_t> shape;
  for (const auto& d : v.items) shape.push_back(require_uint(d, "tensor " + quoted(tensor) + ": a shape entry"));
  return shape;
}

void read_offsets(const JsonValue& v, const std::string& tensor, SafetensorsTensor& t) {
  if (!v.is(JsonValue::Type::Array) || v.items.size() != 2)
    fail("tensor " + quoted(tensor) + ": \"data_offsets\" is not [begin, end]");
  t.begin = require_uint(v.items[0], "tensor " + quoted(tensor) + ": data_offsets begin");
  t.end = require_uint(v.items[1], "tensor " + quoted(tensor) + ": data_offsets end");
  if (t.end < t.begin) fail("tensor " + quoted(tensor) + ": data_offsets end is before begin");
}

// Elements x dtype size must equal the byte range; the product is checked for overflow.
void check_size(const SafetensorsTensor& t) {
  std::uint64_t bytes = t.dtype_bytes;
  for (std::uint64_t d : t.shape) {
    if (d != 0 && bytes > UINT64_MAX / d) fail("tensor " + quoted(t.name) + ": shape " + t.shape_text() + " is too large");
    bytes *= d;
  }
  if (bytes != t.end - t.begin)
    fail("tensor " + quoted(t.name) + ": shape " + t.shape_text() + " of " + t.dtype + " needs " + std::to_string(bytes) +
         " bytes, data_offsets give " + std::to_string(t.end - t.begin));
}

SafetensorsTensor read_tensor_entry(const std::string& name, const JsonValue& entry) {
  if (!entry.is(JsonValue::Type::Object))
    fail("tensor " + quoted(name) + " is " + json_type_name(entry.type) + ", not an object");
  for (const auto& m : entry.members)
    if (m.first != "dtype" && m.first != "shape" && m.first != "data_offsets")
      fail("tensor " + quoted(name) + " has an unknown field " + quoted(m.first));
  SafetensorsTensor t;
  t.name = name;
  const JsonValue& dtype = require_member(entry, name, "dtype");
  if (!dtype.is(JsonValue::Type::String)) fail("tensor " + quoted(name) + ": \"dtype\" is not a string");
  t.dtype = dtype.text;
  t.dtype_bytes = safetensors_dtype_bytes(t.dtype);
  if (t.dtype_bytes == 0) fail("tensor " + quoted(name) + " has an unknown dtype " + quoted(t.dtype));
  t.shape = read_shape(require_member(entry, name, "shape"), name);
  read_offsets(require_member(entry, name, "data_offsets"), name, t);
  check_size(t);
  return t;
}

std::vector<std::pair<std::string, std::string>> read_metadata(const JsonValue& v) {
  if (!v.is(JsonValue::Type::Object)) fail("\"__metadata__\" is " + std::string(json_type_name(v.type)) + ", not an object");
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& m : v.members) {
    if (!m.second.is(JsonValue::Type::String)) fail("\"__metadata__\" value of " + quoted(m.first) + " is not a string");
    out.emplace_back(m.first, m.second.text);
  }
  return out;
}

// Sorted by offset, the ranges must tile [0, data_length) exactly.
void check_tiling(std::vector<SafetensorsTensor>& tensors, std::uint64_t data_length) {
  std::stable_sort(tensors.begin(), tensors.end(), [](const SafetensorsTensor& a, const SafetensorsTensor& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::uint64_t expected = 0;
  const SafetensorsTensor* previous = nullptr;
  for (const auto& t : tensors) {
    if (t.begin < expected)
      fail("tensors " + quoted(previous->name) + " and " + quoted(t.name) + " overlap (data_offsets " +
           std::to_string(t.begin) + " < " + std::to_string(expected) + ")");
    if (t.begin > expected)
      fail(std::to_string(t.begin - expected) + " bytes before tensor " + quoted(t.name) + " belong to no tensor");
    if (t.end > data_length)
      fail("tensor " + quoted(t.name) + " runs past the end of the file (data_offsets end " + std::to_string(t.end) +
           ", the data holds " + std::to_string(data_length) + " bytes)");
    expected = t.end;
    previous = &t;
  }
  if (expected != data_length)
    fail(std::to_string(data_length - expected) + " bytes after the last tensor belong to no tensor");
}

}  // namespace

std::uint64_t SafetensorsTensor::elements() const noexcept {
  std::uint64_t n = 1;
  for (std::uint64_t d : shape) n *= d;  // cannot overflow: checked against the byte range
  return n;
}

bool SafetensorsTensor::float_readable() const noexcept { return dtype == "F32" || dtype == "F16" || dtype == "BF16"; }

std::string SafetensorsTensor::shape_text() const {
  std::string out = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) out += (i ? ", " : "") + std::to_string(shape[i]);
  return out + "]";
}

const SafetensorsTensor* SafetensorsHeader::find(std::string_view name) const noexcept {
  for (const auto& t : tensors)
    if (t.name == name) return &t;
  return nullptr;
}

const SafetensorsTensor& SafetensorsHeader::require(std::string_view name) const {
  const SafetensorsTensor* t = find(name);
  if (!t) fail("no tensor " + quoted(name) + " in the file");
  return *t;
}

std::size_t safetensors_dtype_bytes(std::string_view dtype) noexcept {
  static const std::pair<const char*, std::size_t> kDtypes[] = {
      {"BOOL", 1}, {"U8", 1},  {"I8", 1},   {"F8_E5M2", 1}, {"F8_E4M3", 1}, {"I16", 2}, {"U16", 2}, {"F16", 2},
      {"BF16", 2}, {"I32", 4}, {"U32", 4}, {"F32", 4},     {"F64", 8},     {"I64", 8}, {"U64", 8}};
  for (const auto& d : kDtypes)
    if (dtype == d.first) return d.second;
  return 0;
}

std::uint64_t safetensors_header_length(std::string_view prefix, std::uint64_t file_size) {
  if (file_size < 8 || prefix.size() < 8)
    fail("not a safetensors file: " + std::to_string(file_size) + " bytes, too short for the 8-byte header length");
  const std::uint64_t n = read_u64_le(prefix);
  if (n == 0) fail("not a safetensors file: the header length is 0");
  if (n > kSafetensorsMaxHeaderBytes)
    fail("not a safetensors file, or one we do not read: header length " + std::to_string(n) + " bytes is over the " +
         std::to_string(kSafetensorsMaxHeaderBytes >> 20) + " MiB limit");
  if (n > file_size - 8)
    fail("not a safetensors file: header length " + std::to_string(n) + " bytes runs past the end of the file (" +
         std::to_string(file_size) + " bytes)");
  return n;
}

SafetensorsHeader parse_safetensors_header(std::string_view header, std::uint64_t file_size) {
  if (header.empty() || header.front() != '{') fail("not a safetensors file: the header does not start with '{'");
  if (file_size < 8 + header.size()) fail("the header is longer than the file");
  SafetensorsHeader h;
  h.file_size = file_size;
  h.header_length = header.size();
  h.data_start = 8 + header.size();
  const JsonValue root = parse_json(header);
  for (const auto& [name, entry] : root.members) {
    if (name == "__metadata__") {
      h.metadata = read_metadata(entry);
    } else {
      h.tensors.push_back(read_tensor_entry(name, entry));
    }
  }
  check_tiling(h.tensors, file_size - h.data_start);
  for (auto& t : h.tensors) {
    t.begin += h.data_start;
    t.end += h.data_start;
  }
  return h;
}

SafetensorsHeader parse_safetensors(std::string_view file) {
  const std::uint64_t n = safetensors_header_length(file, file.size());
  return parse_safetensors_header(file.substr(8, n), file.size());
}

}  // namespace embplay
