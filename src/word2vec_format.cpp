// See word2vec_format.h.
#include "word2vec_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cbow_config.h"
#include "utf8.h"

namespace embplay {

namespace {

using Error = std::invalid_argument;

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
bool is_space_or_newline(char c) noexcept { return c == '\n' || is_space(c); }

struct Header {
  std::size_t count;
  std::size_t dim;
  std::size_t body;  // offset of the first record
};

std::size_t parse_count(std::string_view field, const char* what) {
  if (field.empty() || field.size() > 12) throw Error(std::string("word2vec file: bad header: ") + what + " is not a number");
  std::size_t v = 0;
  for (char c : field) {
    if (c < '0' || c > '9') throw Error(std::string("word2vec file: bad header: ") + what + " is not a number");
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  return v;
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i])) ++i;
    const std::size_t start = i;
    while (i < line.size() && !is_space(line[i])) ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

Header parse_header(std::string_view bytes) {
  const std::size_t eol = bytes.find('\n');
  if (eol == std::string_view::npos) throw Error("word2vec file: no header line (expected \"COUNT DIM\")");
  const auto fields = split_fields(bytes.substr(0, eol));
  if (fields.size() != 2) throw Error("word2vec file: bad header: expected \"COUNT DIM\"");
  Header h{parse_count(fields[0], "the word count"), parse_count(fields[1], "the dimension"), eol + 1};
  if (h.count == 0) throw Error("word2vec file: the header declares 0 words");
  if (h.dim == 0 || h.dim > static_cast<std::size_t>(kMaxVectorSize)) {
    throw Error("word2vec file: the dimension must be between 1 and " + std::to_string(kMaxVectorSize) + ", got " +
                std::to_string(h.dim));
  }
  return h;
}

// Rejects a header promising far more than the bytes can hold, before allocating for it.
// The bound is loose on purpose (a record needs at least min_record bytes), so that a
// small lie is reported where the records stop matching, with the record's name.
void check_fits(const Header& h, std::size_t bytes_left, std::size_t min_record) {
  if (bytes_left / min_record < h.count) {
    throw Error("word2vec file: the header declares " + std::to_string(h.count) + " words of " + std::to_string(h.dim) +
                " values but the file is too short to hold them (truncated, or a wrong header)");
  }
}

std::string record_name(std::size_t record, std::string_view word) {
  std::string name = "word2vec file: record " + std::to_string(record + 1);
  if (count_invalid_utf8(word) == 0 && word.size() <= 100) name += " ('" + std::string(word) + "')";
  return name;
}

void check_word(std::size_t record, std::string_view word) {
  if (count_invalid_utf8(word) != 0) throw Error(record_name(record, word) + ": the word is not valid UTF-8");
}

void check_value(std::size_t record, std::string_view word, std::size_t k, float v) {
  if (!std::isfinite(v)) {
    throw Error(record_name(record, word) + ": value " + std::to_string(k + 1) + " is not a finite number");
  }
}

// Auto-detection: the first record's line is text when every field after the word is a
// number. (Its count is not checked here, so a short text vector is reported as such
// rather than misread as binary; raw float bytes almost never look like that.)
bool line_is_text_record(std::string_view line) {
  const auto fields = split_fields(line);
  if (fields.size() < 2) return false;
  for (std::size_t k = 1; k < fields.size(); ++k) {
    std::string field(fields[k]);
    char* end = nullptr;
    std::strtof(field.c_str(), &end);
    if (end != field.c_str() + field.size()) return false;
  }
  return true;
}

WordVectors read_text(std::string_view bytes, const Header& h) {
  check_fits(h, bytes.size() - h.body, h.dim);  // a text value takes at least 2 bytes
  std::vector<std::string> words;
  words.reserve(h.count);
  RowMatrix m(static_cast<Eigen::Index>(h.count), static_cast<Eigen::Index>(h.dim));
  std::size_t pos = h.body;
  std::string field;
  for (std::size_t r = 0; r < h.count; ++r) {
    if (pos >= bytes.size()) {
      throw Error("word2vec file: the header declares " + std::to_string(h.count) + " words but the file ends after " +
                  std::to_string(r));
    }
    std::size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    const auto fields = split_fields(bytes.substr(pos, eol - pos));
    pos = eol + 1;
    if (fields.empty()) throw Error("word2vec file: record " + std::to_string(r + 1) + " is an empty line");
    check_word(r, fields[0]);
    if (fields.size() != h.dim + 1) {
      throw Error(record_name(r, fields[0]) + ": " + std::to_string(fields.size() - 1) + " values, expected " +
                  std::to_string(h.dim));
    }
    for (std::size_t k = 0; k < h.dim; ++k) {
      field.assign(fields[k + 1]);
      char* end = nullptr;
      const float v = std::strtof(field.c_str(), &end);
      if (end != field.c_str() + field.size()) {
        throw Error(record_name(r, fields[0]) + ": value " + std::to_string(k + 1) + " ('" + field + "') is not a number");
      }
      check_value(r, fields[0], k, v);
      m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(k)) = v;
    }
    words.emplace_back(fields[0]);
  }
  for (; pos < bytes.size(); ++pos) {
    if (!is_space_or_newline(bytes[pos])) {
      throw Error("word2vec file: the header declares " + std::to_string(h.count) + " words but there are more records");
    }
  }
  return WordVectors(std::move(words), std::move(m));
}

WordVectors read_binary(std::string_view bytes, const Header& h) {
  const std::size_t vector_bytes = 4 * h.dim;
  check_fits(h, bytes.size() - h.body, vector_bytes);
  std::vector<std::string> words;
  words.reserve(h.count);
  RowMatrix m(static_cast<Eigen::Index>(h.count), static_cast<Eigen::Index>(h.dim));
  std::size_t pos = h.body;
  for (std::size_t r = 0; r < h.count; ++r) {
    while (pos < bytes.size() && is_space_or_newline(bytes[pos])) ++pos;
    const std::size_t space = bytes.find(' ', pos);
    if (pos >= bytes.size() || space == std::string_view::npos) {
      throw Error("word2vec file: the header declares " + std::to_string(h.count) + " words but the file ends after " +
                  std::to_string(r));
    }
    const std::string_view word = bytes.substr(pos, space - pos);
    check_word(r, word);
    pos = space + 1;
    if (bytes.size() - pos < vector_bytes) {
      throw Error(record_name(r, word) + ": the file ends inside its vector (truncated?)");
    }
    float* row = m.data() + r * h.dim;
    std::memcpy(row, bytes.data() + pos, vector_bytes);  // little-endian float32, as on x86 and WASM
    for (std::size_t k = 0; k < h.dim; ++k) check_value(r, word, k, row[k]);
    pos += vector_bytes;
    words.emplace_back(word);
  }
  for (; pos < bytes.size(); ++pos) {
    if (!is_space_or_newline(bytes[pos])) {
      throw Error("word2vec file: the header declares " + std::to_string(h.count) +
                  " words but there are more bytes after the last record (more records, or wrong vector sizes)");
    }
  }
  return WordVectors(std::move(words), std::move(m));
}

void append_float(std::string& out, float v) {
  char buf[32];
  const int n = std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(v));
  out.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

// GloVe's text format has no header: every line is "word v1 ... vDIM". A first line that is
// not "COUNT DIM" but a text record of at least two values makes the file GloVe-style text;
// the count is the number of lines, the dimension that of the first line.
std::optional<Header> headerless_text(std::string_view bytes) {
  const std::size_t eol = std::min(bytes.find('\n'), bytes.size());
  const std::string_view first = bytes.substr(0, eol);
  const auto fields = split_fields(first);
  // At least two values: "word 3" alone reads better as a broken header than as 1-d vectors.
  if (fields.size() < 3) return std::nullopt;
  if (!line_is_text_record(first)) return std::nullopt;
  Header h{0, fields.size() - 1, 0};
  if (h.dim > static_cast<std::size_t>(kMaxVectorSize)) {
    throw Error("word2vec file: the dimension must be between 1 and " + std::to_string(kMaxVectorSize) + ", got " +
                std::to_string(h.dim));
  }
  std::size_t end = bytes.size();
  while (end > 0 && is_space_or_newline(bytes[end - 1])) --end;
  for (std::size_t pos = 0; pos < end; ++pos) {
    if (bytes[pos] == '\n') ++h.count;
  }
  ++h.count;  // the last line, whatever ends it
  return h;
}

Word2VecFormat parse_word2vec_format(std::string_view name) {
  if (name == "auto") return Word2VecFormat::Auto;
  if (name == "text") return Word2VecFormat::Text;
  if (name == "binary") return Word2VecFormat::Binary;
  throw std::invalid_argument("unknown word2vec format '" + std::string(name) + "' (expected auto, text or binary)");
}

Word2VecFormat detect_word2vec_format(std::string_view bytes) {
  if (headerless_text(bytes)) return Word2VecFormat::Text;
  const Header h = parse_header(bytes);
  std::size_t pos = h.body;
  while (pos < bytes.size() && is_space_or_newline(bytes[pos])) ++pos;
  std::size_t eol = bytes.find('\n', pos);
  if (eol == std::string_view::npos) eol = bytes.size();
  return line_is_text_record(bytes.substr(pos, eol - pos)) ? Word2VecFormat::Text : Word2VecFormat::Binary;
}

std::string to_word2vec(const WordVectors& vectors, Word2VecFormat format) {
  const bool binary = format == Word2VecFormat::Binary;
  const std::size_t dim = vectors.dim();
  std::string out = std::to_string(vectors.size()) + " " + std::to_string(dim) + "\n";
  out.reserve(out.size() + vectors.size() * (binary ? 4 * dim + 16 : 14 * dim + 16));
  for (std::size_t r = 0; r < vectors.size(); ++r) {
    out += vectors.word(r);
    const float* row = vectors.vectors().data() + r * dim;
    if (binary) {
      out += ' ';
      out.append(reinterpret_cast<const char*>(row), 4 * dim);
    } else {
      for (std::size_t k = 0; k < dim; ++k) {
        out += ' ';
        append_float(out, row[k]);
      }
    }
    out += '\n';
  }
  return out;
}

WordVectors from_word2vec(std::string_view bytes, Word2VecFormat format) {
  if (format != Word2VecFormat::Binary) {
    if (const auto glove = headerless_text(bytes)) return read_text(bytes, *glove);
  }
  const Header h = parse_header(bytes);
  if (format == Word2VecFormat::Auto) format = detect_word2vec_format(bytes);
  return format == Word2VecFormat::Text ? read_text(bytes, h) : read_binary(bytes, h);
}

}  // namespace embplay
