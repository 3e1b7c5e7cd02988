// Fuzz target: safetensors files (src/formats/: safetensors_header, safetensors_tensor,
// half_float, pretrained_layout, pretrained_loader) as a reader's file picker hands them over.
// Input: byte 0 = options: bit 0 set = "built" (the rest is the JSON header up to the first NUL,
// then the data bytes; the 8-byte length is computed, so mutations of the JSON keep a consistent
// prefix), clear = the rest is the whole file as is; bits 1..7 = slice size (1..128 bytes) for the
// sliced readers. Properties:
//  * a refusal is a SafetensorsError or JsonError with one printable line (names from the file
//    can hold any character: "\n" escapes in JSON);
//  * an accepted header: N is the prefix's length, at most 16 MiB, the JSON starts with '{';
//    every tensor is the file's JSON entry (dtype, shape, offsets + 8 + N), with a dtype of the
//    spec and shape x dtype size = its byte range, computed in 128 bits (no overflow); sorted by
//    offset the ranges tile [8 + N, file size) exactly, so they lie in the file and never overlap;
//    the metadata are __metadata__'s members; find() finds each tensor by name;
//  * each tensor is either refused by check_tensor_readable (one line) or read, whole and in
//    slices, to rows x cols floats equal bit for bit to a reference decoding of its bytes (F16
//    from IEEE 754's definition via ldexp, BF16 as the top half of a float32, F32 as is);
//  * detect_pretrained_layout (and chosen_layout on the file's matrices) refuses on one line or
//    names 2-D tables of equal width that exist; PretrainedLoader, fed the ranges it asks for,
//    asks only inside the tables, reports progress in [0, 1] and returns what read_tensor gives.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>

#include "formats/json_value.h"
#include "formats/pretrained_layout.h"
#include "formats/pretrained_loader.h"
#include "formats/safetensors_header.h"
#include "formats/safetensors_tensor.h"
#include "fuzz_check.h"

namespace {

using namespace embplay;

// Refusals are the two documented types, on one printable line.
template <class Read>
std::string refusal(const Read& read) {
  return fuzz::refusal_of<std::invalid_argument>([&] {
    try {
      read();
    } catch (const std::invalid_argument& e) {
      FUZZ_CHECK(dynamic_cast<const SafetensorsError*>(&e) || dynamic_cast<const JsonError*>(&e));
      throw;
    }
  });
}

std::uint64_t u64_le(std::string_view bytes) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * i);
  return v;
}

// The spec's dtype table, written out again.
std::size_t dtype_size(const std::string& dtype) {
  static const std::map<std::string, std::size_t> kSizes = {
      {"BOOL", 1}, {"U8", 1}, {"I8", 1},  {"F8_E5M2", 1}, {"F8_E4M3", 1}, {"I16", 2}, {"U16", 2}, {"F16", 2},
      {"BF16", 2}, {"I32", 4}, {"U32", 4}, {"F32", 4},    {"F64", 8},     {"I64", 8}, {"U64", 8}};
  const auto it = kSizes.find(dtype);
  return it == kSizes.end() ? 0 : it->second;
}

std::uint64_t json_uint(const JsonValue* v) {
  FUZZ_CHECK(v && v->as_uint64());
  return *v->as_uint64();
}

// The tensor's entry in the JSON, read again here, must be what the header holds.
void check_against_json(const SafetensorsTensor& t, const JsonValue& root, std::uint64_t data_start) {
  const JsonValue* entry = root.find(t.name);
  FUZZ_CHECK(entry && entry->is(JsonValue::Type::Object) && t.name != "__metadata__");
  FUZZ_CHECK(entry->find("dtype") && entry->find("dtype")->text == t.dtype);
  const JsonValue* shape = entry->find("shape");
  FUZZ_CHECK(shape && shape->items.size() == t.shape.size());
  for (std::size_t i = 0; i < t.shape.size(); ++i) FUZZ_CHECK(json_uint(&shape->items[i]) == t.shape[i]);
  const JsonValue* offsets = entry->find("data_offsets");
  FUZZ_CHECK(offsets && offsets->items.size() == 2);
  FUZZ_CHECK(json_uint(&offsets->items[0]) + data_start == t.begin && json_uint(&offsets->items[1]) + data_start == t.end);
  const std::size_t size = dtype_size(t.dtype);
  FUZZ_CHECK(size != 0 && t.dtype_bytes == size);
  unsigned __int128 bytes = size, elements = 1;
  for (std::uint64_t d : t.shape) {
    bytes *= d;
    elements *= d;
    FUZZ_CHECK(bytes <= UINT64_MAX);
  }
  FUZZ_CHECK(bytes == t.end - t.begin && t.bytes() == t.end - t.begin && elements == t.elements());
}

void check_header(const SafetensorsHeader& h, std::string_view file) {
  const std::uint64_t n = u64_le(file);
  FUZZ_CHECK(h.file_size == file.size() && h.header_length == n && h.data_start == 8 + n);
  FUZZ_CHECK(n <= kSafetensorsMaxHeaderBytes && n <= file.size() - 8 && file[8] == '{');
  const JsonValue root = parse_json(file.substr(8, n));
  std::size_t tensors = 0;
  for (const auto& m : root.members) tensors += m.first != "__metadata__";
  FUZZ_CHECK(h.tensors.size() == tensors);
  std::uint64_t next = h.data_start;
  for (const SafetensorsTensor& t : h.tensors) {
    check_against_json(t, root, h.data_start);
    FUZZ_CHECK(t.begin == next && t.begin <= t.end && t.end <= file.size());
    FUZZ_CHECK(h.find(t.name) == &t && &h.require(t.name) == &t);
    next = t.end;
  }
  FUZZ_CHECK(next == file.size());
  const JsonValue* meta = root.find("__metadata__");
  FUZZ_CHECK(h.metadata.size() == (meta ? meta->members.size() : 0));
  for (std::size_t i = 0; i < h.metadata.size(); ++i)
    FUZZ_CHECK(h.metadata[i].first == meta->members[i].first && h.metadata[i].second == meta->members[i].second.text);
}

// IEEE 754 binary16 by its definition: (-1)^s 2^(e-15) (1 + f/1024), subnormal 2^-14 f/1024.
float reference_f16(std::uint16_t h) {
  const int e = (h >> 10) & 31, f = h & 1023;
  const float sign = (h & 0x8000) ? -1.0f : 1.0f;
  if (e == 31) return f ? std::nanf("") : sign * INFINITY;
  if (e == 0) return sign * std::ldexp(static_cast<float>(f), -24);
  return sign * std::ldexp(static_cast<float>(f + 1024), e - 25);
}

float reference_value(const SafetensorsTensor& t, const unsigned char* p) {
  if (t.dtype == "F16") return reference_f16(static_cast<std::uint16_t>(p[0] | p[1] << 8));
  std::uint32_t bits = t.dtype == "BF16" ? static_cast<std::uint32_t>(p[0] << 16 | p[1] << 24)
                                         : static_cast<std::uint32_t>(p[0] | p[1] << 8 | p[2] << 16) | static_cast<std::uint32_t>(p[3]) << 24;
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

bool same_float(float a, float b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::memcmp(&a, &b, 4) == 0;
}

void check_rows(const RowMatrix& rows, const SafetensorsTensor& t, std::string_view file) {
  const std::uint64_t cols = t.shape.back(), count = t.shape.size() == 2 ? t.shape[0] : 1;
  FUZZ_CHECK(static_cast<std::uint64_t>(rows.rows()) == count && static_cast<std::uint64_t>(rows.cols()) == cols);
  const auto* p = reinterpret_cast<const unsigned char*>(file.data() + t.begin);
  for (Eigen::Index i = 0; i < rows.size(); ++i)
    FUZZ_CHECK(same_float(rows.data()[i], reference_value(t, p + static_cast<std::size_t>(i) * t.dtype_bytes)));
}

bool same_bits(const RowMatrix& a, const RowMatrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(float) * static_cast<std::size_t>(a.size())) == 0;
}

std::string_view range_of(std::string_view file, const SafetensorsTensor& t) {
  return file.substr(t.begin, t.end - t.begin);
}

void check_tensor(const SafetensorsTensor& t, std::string_view file, std::size_t slice) {
  const std::string refused = refusal([&] { check_tensor_readable(t); });
  const std::string reader_refused = refusal([&] { TensorReader r(t); });
  FUZZ_CHECK(refused == reader_refused);
  if (!refused.empty()) return;
  const RowMatrix whole = read_tensor(range_of(file, t), t);
  check_rows(whole, t, file);
  TensorReader r(t);
  const std::string_view bytes = range_of(file, t);
  for (std::size_t pos = 0; pos < bytes.size(); pos += slice) {
    FUZZ_CHECK(!r.done() && r.bytes_read() == pos);
    r.append(bytes.substr(pos, slice));
  }
  FUZZ_CHECK(r.done() && r.bytes_read() == r.bytes_total());
  FUZZ_CHECK(same_bits(r.finish(), whole));
  if (!bytes.empty()) FUZZ_CHECK(!refusal([&] { read_tensor(bytes.substr(1), t); }).empty());
}

void check_layout(const SafetensorsHeader& h, const PretrainedLayout& layout) {
  if (layout.token_table.empty()) return;
  const SafetensorsTensor* tokens = h.find(layout.token_table);
  FUZZ_CHECK(tokens && tokens->shape.size() == 2);
  if (layout.position_table.empty()) return;
  const SafetensorsTensor* positions = h.find(layout.position_table);
  FUZZ_CHECK(positions && positions->shape.size() == 2 && positions->shape[1] == tokens->shape[1]);
}

void check_loader(const SafetensorsHeader& h, const PretrainedLayout& layout, std::string_view file, std::size_t slice) {
  std::optional<PretrainedLoader> loader;
  if (!refusal([&] { loader.emplace(h, layout); }).empty()) return;
  const SafetensorsTensor& tokens = h.require(layout.token_table);
  const SafetensorsTensor* positions = layout.position_table.empty() ? nullptr : &h.require(layout.position_table);
  FUZZ_CHECK(loader->bytes_total() == tokens.bytes() + (positions ? positions->bytes() : 0));
  auto inside = [](const ByteRange& r, const SafetensorsTensor* t) { return t && r.begin >= t->begin && r.end <= t->end; };
  while (auto range = loader->next_range(slice)) {
    FUZZ_CHECK(range->begin < range->end && range->end - range->begin <= slice);
    FUZZ_CHECK(inside(*range, &tokens) || inside(*range, positions));
    const double before = loader->fraction();
    loader->append(file.substr(range->begin, range->end - range->begin));
    FUZZ_CHECK(loader->fraction() > before && loader->fraction() <= 1);
  }
  FUZZ_CHECK(loader->done() && loader->bytes_read() == loader->bytes_total() && loader->fraction() == 1);
  const PretrainedTables tables = loader->finish();
  FUZZ_CHECK(same_bits(tables.tokens, read_tensor(range_of(file, tokens), tokens)));
  FUZZ_CHECK(positions ? same_bits(tables.positions, read_tensor(range_of(file, *positions), *positions))
                       : tables.positions.size() == 0);
  FUZZ_CHECK(!refusal([&] { loader->finish(); }).empty());
}

void check_pretrained(const SafetensorsHeader& h, std::string_view file, std::size_t slice) {
  std::optional<PretrainedLayout> layout;
  if (refusal([&] { layout.emplace(detect_pretrained_layout(h)); }).empty()) {
    check_layout(h, *layout);
    FUZZ_CHECK(layout->kind != PretrainedKind::Other || layout->token_table.empty());
    if (!layout->token_table.empty()) check_loader(h, *layout, file, slice);
  }
  const std::vector<const SafetensorsTensor*> matrices = matrix_tensors(h);
  for (const SafetensorsTensor& t : h.tensors) {
    const bool listed = std::find(matrices.begin(), matrices.end(), &t) != matrices.end();
    FUZZ_CHECK(listed == (t.shape.size() == 2));
  }
  if (matrices.empty()) return;
  const std::string second = matrices.size() > 1 ? matrices[1]->name : "";
  std::optional<PretrainedLayout> chosen;
  if (refusal([&] { chosen.emplace(chosen_layout(h, matrices[0]->name, second)); }).empty()) {
    check_layout(h, *chosen);
    check_loader(h, *chosen, file, slice);
  }
  FUZZ_CHECK(!refusal([&] { check_token_rows(h, PretrainedLayout{PretrainedKind::Other, matrices[0]->name, ""},
                                             static_cast<std::size_t>(matrices[0]->shape[0] + 1), "the tokenizer"); })
                  .empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const bool built = data[0] & 1;
  const std::size_t slice = (data[0] >> 1) + 1;
  std::string file(fuzz::as_text(data + 1, size - 1));
  if (built) {
    const std::size_t nul = std::min(file.find('\0'), file.size());
    std::string prefix(8, '\0');
    for (std::size_t i = 0; i < 8; ++i) prefix[i] = static_cast<char>((static_cast<std::uint64_t>(nul) >> (8 * i)) & 0xFF);
    file = prefix + file.substr(0, nul) + (nul < file.size() ? file.substr(nul + 1) : "");
  }
  std::optional<SafetensorsHeader> header;
  if (!refusal([&] { header.emplace(parse_safetensors(file)); }).empty()) return 0;
  check_header(*header, file);
  std::string missing = "\n\x01";  // longer than any name of the file, so none of them
  for (const SafetensorsTensor& t : header->tensors) missing += t.name;
  FUZZ_CHECK(!refusal([&] { header->require(missing); }).empty());
  for (const SafetensorsTensor& t : header->tensors) check_tensor(t, file, slice);
  check_pretrained(*header, file, slice);
  return 0;
}
