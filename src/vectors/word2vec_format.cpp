// See word2vec_format.h.
#include "vectors/word2vec_format.h"

#include <cstdio>
#include <stdexcept>
#include <string>

#include "vectors/word2vec_reader.h"

namespace embplay {

namespace {

void append_float(std::string& out, float v) {
  char buf[32];
  const int n = std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(v));
  out.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

Word2VecFormat parse_word2vec_format(std::string_view name) {
  if (name == "auto") return Word2VecFormat::Auto;
  if (name == "text") return Word2VecFormat::Text;
  if (name == "binary") return Word2VecFormat::Binary;
  throw std::invalid_argument("unknown word2vec format '" + std::string(name) + "' (expected auto, text or binary)");
}

Word2VecFormat detect_word2vec_format(std::string_view bytes) { return word2vec_layout(bytes).format; }

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
  Word2VecReader reader(bytes, format);
  reader.read(reader.layout().count);
  return reader.finish();
}

}  // namespace embplay
