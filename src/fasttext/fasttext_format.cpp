// See fasttext_format.h.
#include "fasttext/fasttext_format.h"

#include <cstdio>
#include <cstring>
#include <sstream>
#include <stdexcept>

#include "text/message_quote.h"

namespace embplay {

namespace {

template <class T>
void put(std::string& out, T value) {
  char buf[sizeof(T)];
  std::memcpy(buf, &value, sizeof(T));
  out.append(buf, sizeof(T));
}

void put_matrix_header(std::string& out, const RowMatrix& m) {
  put<std::int64_t>(out, m.rows());
  put<std::int64_t>(out, m.cols());
}

void write_matrix_data(std::ostream& out, const RowMatrix& m) {
  out.write(reinterpret_cast<const char*>(m.data()), static_cast<std::streamsize>(m.size()) * static_cast<std::streamsize>(sizeof(float)));
}

void put_args(std::string& out, const FastTextArgs& a) {
  for (std::int32_t v : {a.dim, a.ws, a.epoch, a.min_count, a.neg, a.word_ngrams, a.loss, a.model, a.bucket, a.minn, a.maxn,
                         a.lr_update_rate}) {
    put(out, v);
  }
  put(out, a.t);
}

[[noreturn]] void fail(const std::string& why) { throw std::invalid_argument("not a usable fastText .bin: " + why); }

// Reads the file front to back, refusing to read past its end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  std::size_t remaining() const { return bytes_.size() - pos_; }
  std::size_t offset() const { return pos_; }

  template <class T>
  T get(const char* what) {
    if (remaining() < sizeof(T)) fail("the file ends inside " + std::string(what) + " (truncated at byte " + std::to_string(bytes_.size()) + ")");
    T v;
    std::memcpy(&v, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }

  std::string word(std::int32_t i) {
    const std::size_t end = bytes_.find('\0', pos_);
    if (end == std::string_view::npos) fail("the file ends inside dictionary word " + std::to_string(i) + " (truncated)");
    std::string w(bytes_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return w;
  }

  RowMatrix matrix(const char* what, std::int64_t rows, std::int64_t cols) {
    const std::int64_t m = get<std::int64_t>(what), n = get<std::int64_t>(what);
    if (m != rows || n != cols) {
      fail(std::string("the ") + what + " is " + std::to_string(m) + " x " + std::to_string(n) + ", expected " +
           std::to_string(rows) + " x " + std::to_string(cols));
    }
    const std::uint64_t need = static_cast<std::uint64_t>(m) * static_cast<std::uint64_t>(n) * sizeof(float);
    if (need > remaining()) {
      fail(std::string("the ") + what + " needs " + std::to_string(need) + " bytes but only " + std::to_string(remaining()) +
           " remain (truncated)");
    }
    RowMatrix out(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(n));
    std::memcpy(out.data(), bytes_.data() + pos_, need);
    pos_ += need;
    if (!out.allFinite()) fail(std::string("the ") + what + " holds NaN or infinite values");
    return out;
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

FastTextArgs read_args(Reader& r) {
  FastTextArgs a;
  for (std::int32_t* f : {&a.dim, &a.ws, &a.epoch, &a.min_count, &a.neg, &a.word_ngrams, &a.loss, &a.model, &a.bucket,
                          &a.minn, &a.maxn, &a.lr_update_rate}) {
    *f = r.get<std::int32_t>("the arguments");
  }
  a.t = r.get<double>("the arguments");
  if (a.model == FastTextArgs::kSupervised) {
    fail("it is a supervised (classification) model with labels; only cbow and skipgram word-vector models load");
  }
  if (a.model != FastTextArgs::kCbow && a.model != FastTextArgs::kSkipGram) fail("unknown model type " + std::to_string(a.model));
  if (a.dim < 1 || a.dim > 4096) fail("dim must be between 1 and 4096, got " + std::to_string(a.dim));
  if (a.maxn < 0 || a.maxn > kMaxNgramLength || a.minn < 0 || (a.maxn > 0 && (a.minn < 1 || a.minn > a.maxn))) {
    fail("bad n-gram lengths minn " + std::to_string(a.minn) + ", maxn " + std::to_string(a.maxn));
  }
  if (a.bucket < 0 || static_cast<std::uint64_t>(a.bucket) > kMaxBucket || (a.maxn > 0 && a.bucket == 0)) {
    fail("bad bucket count " + std::to_string(a.bucket));
  }
  return a;
}

// fastText splits its text at whitespace and NUL, so no dictionary word is empty or holds
// whitespace; such a word would also break the .vec and every word list downstream (WordVectors).
void check_word(const std::string& word, std::int32_t i) {
  if (word.empty()) fail("dictionary word " + std::to_string(i) + " is empty");
  if (word.find_first_of(" \t\n\r\v\f") != std::string::npos)
    fail("dictionary word " + std::to_string(i) + " (" + quote_for_message(word) + ") contains whitespace");
}

void check_header(Reader& r) {
  if (r.remaining() < 8) fail("it is too short to be one (" + std::to_string(r.remaining()) + " bytes)");
  const std::int32_t magic = r.get<std::int32_t>("the header");
  if (magic != kFastTextMagic) fail("it does not start with fastText's magic number " + std::to_string(kFastTextMagic));
  const std::int32_t version = r.get<std::int32_t>("the header");
  if (version != kFastTextVersion) {
    fail("format version " + std::to_string(version) + "; only version 12 (fastText 0.9.x) is read");
  }
}

}  // namespace

bool looks_like_fasttext_bin(std::string_view bytes) noexcept {
  std::int32_t magic = 0;
  if (bytes.size() < sizeof magic) return false;
  std::memcpy(&magic, bytes.data(), sizeof magic);
  return magic == kFastTextMagic;
}

namespace {

// Everything before the input matrix's floats: header, args, dictionary, the input's shape.
std::string head_bytes(const SubwordModel& model) {
  std::string out;
  put(out, kFastTextMagic);
  put(out, kFastTextVersion);
  put_args(out, model.args());
  const auto n = static_cast<std::int32_t>(model.size());
  put(out, n);                     // size
  put(out, n);                     // nwords
  put<std::int32_t>(out, 0);       // nlabels
  put<std::int64_t>(out, model.ntokens());
  put<std::int64_t>(out, -1);      // pruneidx_size: not pruned
  for (std::size_t i = 0; i < model.size(); ++i) {
    out += model.words()[i];
    out += '\0';
    put<std::int64_t>(out, model.counts()[i]);
    put<std::int8_t>(out, 0);      // entry_type::word
  }
  put<char>(out, 0);               // input not quantized
  put_matrix_header(out, model.input());
  return out;
}

}  // namespace

void write_fasttext_bin(const SubwordModel& model, std::ostream& out) {
  const std::string head = head_bytes(model);
  out.write(head.data(), static_cast<std::streamsize>(head.size()));
  write_matrix_data(out, model.input());
  std::string middle;
  put<char>(middle, 0);            // output not quantized
  put_matrix_header(middle, model.output());
  out.write(middle.data(), static_cast<std::streamsize>(middle.size()));
  write_matrix_data(out, model.output());
}

std::string to_fasttext_bin(const SubwordModel& model) {
  std::ostringstream out;
  write_fasttext_bin(model, out);
  return std::move(out).str();
}

SubwordModel from_fasttext_bin(std::string_view bytes) {
  Reader r(bytes);
  check_header(r);
  const FastTextArgs args = read_args(r);
  const std::int32_t size = r.get<std::int32_t>("the dictionary");
  const std::int32_t nwords = r.get<std::int32_t>("the dictionary");
  const std::int32_t nlabels = r.get<std::int32_t>("the dictionary");
  const std::int64_t ntokens = r.get<std::int64_t>("the dictionary");
  const std::int64_t pruneidx_size = r.get<std::int64_t>("the dictionary");
  if (nlabels != 0) fail("its dictionary has " + std::to_string(nlabels) + " labels (a supervised model)");
  if (size < 1 || nwords != size) fail("bad dictionary sizes (size " + std::to_string(size) + ", nwords " + std::to_string(nwords) + ")");
  if (pruneidx_size > 0) fail("its n-grams are pruned (a quantized model); only unquantized models load");
  // Each entry takes at least 10 bytes: a word byte, NUL, count, type.
  if (static_cast<std::uint64_t>(size) * 11 > r.remaining()) fail("the dictionary claims " + std::to_string(size) + " words, more than the file holds (truncated)");
  std::vector<std::string> words;
  std::vector<std::int64_t> counts;
  words.reserve(static_cast<std::size_t>(size));
  counts.reserve(static_cast<std::size_t>(size));
  for (std::int32_t i = 0; i < size; ++i) {
    words.push_back(r.word(i));
    check_word(words.back(), i);
    counts.push_back(r.get<std::int64_t>("the dictionary"));
    if (r.get<std::int8_t>("the dictionary") != 0) fail("dictionary entry " + std::to_string(i) + " is a label (a supervised model)");
  }
  if (r.get<char>("the input matrix") != 0) fail("its input matrix is quantized (.ftz); only unquantized models load");
  const std::int64_t buckets = args.maxn > 0 ? args.bucket : 0;
  RowMatrix input = r.matrix("input matrix", size + buckets, args.dim);
  if (r.get<char>("the output matrix") != 0) fail("its output matrix is quantized; only unquantized models load");
  RowMatrix output = r.matrix("output matrix", size, args.dim);
  if (r.remaining() != 0) fail(std::to_string(r.remaining()) + " unexpected bytes after the output matrix");
  try {
    return SubwordModel(args, std::move(words), std::move(counts), ntokens, std::move(input), std::move(output));
  } catch (const std::invalid_argument& e) {
    fail(e.what());  // a repeated word: every message of this reader says what it read
  }
}

std::string fasttext_vector_line(std::string_view word, const std::vector<float>& vector, int digits) {
  std::string line(word);
  line += ' ';
  char buf[32];
  for (float v : vector) {
    std::snprintf(buf, sizeof buf, "%.*g ", digits, static_cast<double>(v));
    line += buf;
  }
  line += '\n';
  return line;
}

std::string to_fasttext_vec(const SubwordModel& model) {
  std::string out = std::to_string(model.size()) + " " + std::to_string(model.dim()) + "\n";
  const WordVectors v = model.word_vectors();
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto row = v.vectors().row(static_cast<Eigen::Index>(i));
    out += fasttext_vector_line(v.word(i), std::vector<float>(row.data(), row.data() + row.size()));
  }
  return out;
}

}  // namespace embplay
