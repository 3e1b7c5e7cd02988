// See vector_file.h.
#include "cli/vector_file.h"

#include <cstdio>
#include <iostream>
#include <stdexcept>

#include "cli/arg_parser.h"
#include "fasttext/fasttext_format.h"
#include "vectors/word2vec_format.h"

namespace embplay::cli {

WordVectors load_vector_file(const std::string& path, const std::string& format) {
  const Word2VecFormat f = parse_word2vec_format(format);
  return from_word2vec(read_input(path), f);
}

SubwordModel load_model_file(const std::string& path) {
  const std::string bytes = read_input(path);
  try {
    return from_fasttext_bin(bytes);
  } catch (const std::invalid_argument& e) {
    throw CliError("'" + path + "' is " + e.what());
  }
}

void note_unseen(const SubwordModel& model, const std::string& word, const std::string& command) {
  if (model.index_of(word) >= 0) return;
  const std::size_t n = model.rows_of(word).size();
  std::cerr << "embplay " << command << ": '" << word << "' is not in the vocabulary; its vector is built from " << n
            << " n-grams" << (n == 0 ? " (all zeros)" : "") << "\n";
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
