// See vector_file.h.
#include "cli/vector_file.h"

#include <cstdio>

#include "cli/arg_parser.h"
#include "vectors/word2vec_format.h"

namespace embplay::cli {

WordVectors load_vector_file(const std::string& path, const std::string& format) {
  const Word2VecFormat f = parse_word2vec_format(format);
  return from_word2vec(read_input(path), f);
}

std::int32_t require_word(const WordVectors& vectors, const std::string& word) {
  const long row = vectors.index_of(word);
  if (row < 0) throw CliError("'" + word + "' is not in the vectors file");
  return static_cast<std::int32_t>(row);
}

std::string format_neighbors(const WordVectors& vectors, const std::vector<Neighbor>& neighbors) {
  std::string out;
  char buf[32];
  for (const auto& n : neighbors) {
    std::snprintf(buf, sizeof buf, "\t%.6f\n", static_cast<double>(n.score));
    out += vectors.word(static_cast<std::size_t>(n.id));
    out += buf;
  }
  return out;
}

}  // namespace embplay::cli
