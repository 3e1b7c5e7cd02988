// Shared by the commands that read word2vec vector files (neighbors, analogy, evaluate).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "math/similarity.h"
#include "vectors/word_vectors.h"

namespace embplay::cli {

// Reads and parses a word2vec file; `format` is auto, text or binary.
WordVectors load_vector_file(const std::string& path, const std::string& format);

// The row of `word`; throws CliError when the file does not have it.
std::int32_t require_word(const WordVectors& vectors, const std::string& word);

// "word<TAB>cosine\n" per neighbour, cosine with 6 decimals.
std::string format_neighbors(const WordVectors& vectors, const std::vector<Neighbor>& neighbors);

}  // namespace embplay::cli
