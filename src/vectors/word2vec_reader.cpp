// See word2vec_reader.h.
#include "vectors/word2vec_reader.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "training/word2vec_config.h"
#include "vectors/float_field.h"
#include "text/utf8.h"

namespace embplay {

namespace {

using Error = std::invalid_argument;

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
bool is_space_or_newline(char c) noexcept { return c == '\n' || is_space(c); }

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

// The line starting at `pos` (without its '\n').
std::string_view line_at(std::string_view bytes, std::size_t pos) {
  const std::size_t eol = std::min(bytes.find('\n', pos), bytes.size());
  return bytes.substr(pos, eol - pos);
}

void check_dim(std::size_t dim) {
  if (dim == 0 || dim > static_cast<std::size_t>(kMaxVectorSize)) {
    throw Error("word2vec file: the dimension must be between 1 and " + std::to_string(kMaxVectorSize) + ", got " +
                std::to_string(dim));
  }
}

Word2VecLayout parse_header(std::string_view bytes) {
  const std::size_t eol = bytes.find('\n');
  if (eol == std::string_view::npos) throw Error("word2vec file: no header line (expected \"COUNT DIM\")");
  const auto fields = split_fields(bytes.substr(0, eol));
  if (fields.size() != 2) throw Error("word2vec file: bad header: expected \"COUNT DIM\"");
  Word2VecLayout h;
  h.count = parse_count(fields[0], "the word count");
  h.dim = parse_count(fields[1], "the dimension");
  h.body = eol + 1;
  if (h.count == 0) throw Error("word2vec file: the header declares 0 words");
  check_dim(h.dim);
  return h;
}

// Auto-detection: the first record's line is text when every field after the word is a
// number. (Its count is not checked here, so a short text vector is reported as such
// rather than misread as binary; raw float bytes almost never look like that.)
bool line_is_text_record(std::string_view line) {
  const auto fields = split_fields(line);
  if (fields.size() < 2) return false;
  for (std::size_t k = 1; k < fields.size(); ++k) {
    if (!parse_float_field(fields[k])) return false;
  }
  return true;
}

// GloVe's text format has no header: every line is "word v1 ... vDIM". A first line that is
// not "COUNT DIM" but a text record of at least two values makes the file GloVe-style text;
// the count is the number of lines, the dimension that of the first line.
std::optional<Word2VecLayout> headerless_text(std::string_view bytes) {
  const std::string_view first = line_at(bytes, 0);
  const auto fields = split_fields(first);
  // At least two values: "word 3" alone reads better as a broken header than as 1-d vectors.
  if (fields.size() < 3 || !line_is_text_record(first)) return std::nullopt;
  Word2VecLayout h;
  h.has_header = false;
  h.dim = fields.size() - 1;
  check_dim(h.dim);
  std::size_t end = bytes.size();
  while (end > 0 && is_space_or_newline(bytes[end - 1])) --end;
  h.count = static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(end), '\n')) + 1;
  return h;
}

// Rejects a header promising far more than the bytes can hold, before allocating for it.
// The bound is loose on purpose (a record needs at least min_record bytes), so that a
// small lie is reported where the records stop matching, with the record's name.
void check_fits(const Word2VecLayout& h, std::size_t bytes_left, std::size_t min_record) {
  if (bytes_left / min_record < h.count) {
    throw Error("word2vec file: the header declares " + std::to_string(h.count) + " words of " + std::to_string(h.dim) +
                " values but the file is too short to hold them (truncated, or a wrong header)");
  }
}

// A word that can be quoted in a one-line message: short, valid UTF-8, no ASCII control character
// (a binary record's word is every byte up to a space, newlines included).
bool is_quotable(std::string_view word) {
  if (word.size() > 100 || count_invalid_utf8(word) != 0) return false;
  for (char c : word) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return false;
  }
  return true;
}

std::string record_name(std::size_t record, std::string_view word) {
  std::string name = "word2vec file: record " + std::to_string(record + 1);
  if (is_quotable(word)) name += " ('" + std::string(word) + "')";
  return name;
}

void check_word(std::size_t record, std::string_view word) {
  if (count_invalid_utf8(word) != 0) throw Error(record_name(record, word) + ": the word is not valid UTF-8");
  if (std::any_of(word.begin(), word.end(), is_space_or_newline)) {
    throw Error(record_name(record, word) + ": the word contains whitespace (wrong vector sizes?)");
  }
}

void check_value(std::size_t record, std::string_view word, std::size_t k, float v) {
  if (!std::isfinite(v)) {
    throw Error(record_name(record, word) + ": value " + std::to_string(k + 1) + " is not a finite number");
  }
}

std::string ends_after(std::size_t count, std::size_t rows) {
  return "word2vec file: the header declares " + std::to_string(count) + " words but the file ends after " +
         std::to_string(rows);
}

// The fast path for one text record: the word and `dim` finite values into `out`; false
// when anything is off (report_text_record then names the problem).
bool parse_text_record(std::string_view line, std::size_t dim, float* out, std::string_view& word) {
  std::size_t i = 0;
  auto next_field = [&]() {
    while (i < line.size() && is_space(line[i])) ++i;
    const std::size_t start = i;
    while (i < line.size() && !is_space(line[i])) ++i;
    return line.substr(start, i - start);
  };
  word = next_field();
  if (word.empty()) return false;
  for (std::size_t k = 0; k < dim; ++k) {
    const auto v = parse_float_field(next_field());
    if (!v || !std::isfinite(*v)) return false;
    out[k] = *v;
  }
  return next_field().empty();
}

// Why a text record failed the fast path, in the order the checks are documented: an
// empty line, the word's UTF-8, the number of values, then each value.
[[noreturn]] void report_text_record(std::size_t r, std::string_view line, std::size_t dim) {
  const auto fields = split_fields(line);
  if (fields.empty()) throw Error("word2vec file: record " + std::to_string(r + 1) + " is an empty line");
  check_word(r, fields[0]);
  if (fields.size() != dim + 1) {
    throw Error(record_name(r, fields[0]) + ": " + std::to_string(fields.size() - 1) + " values, expected " +
                std::to_string(dim));
  }
  for (std::size_t k = 0; k < dim; ++k) {
    const auto v = parse_float_field(fields[k + 1]);
    if (!v) {
      throw Error(record_name(r, fields[0]) + ": value " + std::to_string(k + 1) + " ('" + std::string(fields[k + 1]) +
                  "') is not a number");
    }
    check_value(r, fields[0], k, *v);
  }
  throw std::logic_error("word2vec reader: record " + std::to_string(r + 1) + " failed without a reason");
}

}  // namespace

Word2VecLayout word2vec_layout(std::string_view bytes, Word2VecFormat format) {
  if (format != Word2VecFormat::Binary) {
    if (auto glove = headerless_text(bytes)) {
      check_fits(*glove, bytes.size(), glove->dim);
      return *glove;
    }
  }
  Word2VecLayout h = parse_header(bytes);
  if (format == Word2VecFormat::Auto) {
    std::size_t pos = h.body;
    while (pos < bytes.size() && is_space_or_newline(bytes[pos])) ++pos;
    format = line_is_text_record(line_at(bytes, pos)) ? Word2VecFormat::Text : Word2VecFormat::Binary;
  }
  h.format = format;
  // A text value takes at least 2 bytes, a binary one 4: a loose bound, see check_fits.
  check_fits(h, bytes.size() - h.body, format == Word2VecFormat::Text ? h.dim : 4 * h.dim);
  return h;
}

Word2VecReader::Word2VecReader(std::string_view bytes, Word2VecFormat format)
    : bytes_(bytes), layout_(word2vec_layout(bytes, format)), pos_(layout_.body) {
  words_.reserve(layout_.count);
  vectors_.resize(static_cast<Eigen::Index>(layout_.count), static_cast<Eigen::Index>(layout_.dim));
}

Word2VecProgress Word2VecReader::read(std::size_t max_rows) {
  if (spent_) throw std::logic_error("word2vec reader: used after an error or after finish()");
  if (done_) return progress();
  spent_ = true;  // stays set if a record throws
  const std::size_t end = std::min(layout_.count, row_ + std::max<std::size_t>(max_rows, 1));
  const bool text = layout_.format == Word2VecFormat::Text;
  for (; row_ < end; ++row_) {
    if (text) read_text_row();
    else read_binary_row();
  }
  if (row_ == layout_.count) {
    check_end();
    done_ = true;
  }
  spent_ = false;
  return progress();
}

Word2VecProgress Word2VecReader::progress() const noexcept {
  Word2VecProgress p;
  p.rows_read = row_;
  p.rows_expected = layout_.count;
  p.done = done_;
  if (done_) p.fraction = 1;
  else if (layout_.has_header) p.fraction = static_cast<double>(row_) / static_cast<double>(layout_.count);
  else p.fraction = static_cast<double>(pos_) / static_cast<double>(std::max<std::size_t>(bytes_.size(), 1));
  return p;
}

WordVectors Word2VecReader::finish() {
  if (spent_) throw std::logic_error("word2vec reader: used after an error or after finish()");
  if (!done_) throw std::logic_error("word2vec reader: finish() before the last record was read");
  spent_ = true;
  return WordVectors(std::move(words_), std::move(vectors_));
}

void Word2VecReader::read_text_row() {
  if (pos_ >= bytes_.size()) throw Error(ends_after(layout_.count, row_));
  const std::string_view line = line_at(bytes_, pos_);
  pos_ = std::min(pos_ + line.size() + 1, bytes_.size());
  std::string_view word;
  if (!parse_text_record(line, layout_.dim, row_data(row_), word)) report_text_record(row_, line, layout_.dim);
  check_word(row_, word);
  words_.emplace_back(word);
}

void Word2VecReader::read_binary_row() {
  const std::size_t vector_bytes = 4 * layout_.dim;
  while (pos_ < bytes_.size() && is_space_or_newline(bytes_[pos_])) ++pos_;
  const std::size_t space = bytes_.find(' ', pos_);
  if (pos_ >= bytes_.size() || space == std::string_view::npos) throw Error(ends_after(layout_.count, row_));
  const std::string_view word = bytes_.substr(pos_, space - pos_);
  check_word(row_, word);
  pos_ = space + 1;
  if (bytes_.size() - pos_ < vector_bytes) throw Error(record_name(row_, word) + ": the file ends inside its vector (truncated?)");
  float* row = row_data(row_);
  std::memcpy(row, bytes_.data() + pos_, vector_bytes);  // little-endian float32, as on x86 and WASM
  for (std::size_t k = 0; k < layout_.dim; ++k) check_value(row_, word, k, row[k]);
  pos_ += vector_bytes;
  words_.emplace_back(word);
}

// After the last record only whitespace may follow.
void Word2VecReader::check_end() const {
  for (std::size_t pos = pos_; pos < bytes_.size(); ++pos) {
    if (is_space_or_newline(bytes_[pos])) continue;
    const std::string declared = "word2vec file: the header declares " + std::to_string(layout_.count) + " words but there are more ";
    if (layout_.format == Word2VecFormat::Text) throw Error(declared + "records");
    throw Error(declared + "bytes after the last record (more records, or wrong vector sizes)");
  }
}

}  // namespace embplay
