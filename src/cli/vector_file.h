// Shared by the commands that read word2vec vector files (neighbors, analogy, evaluate)
// and fastText .bin models (neighbors, analogy, vector: --model).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fasttext/subword_model.h"
#include "math/similarity.h"
#include "vectors/word_vectors.h"

namespace embplay::cli {

// Reads and parses a word2vec file; `format` is auto, text or binary.
WordVectors load_vector_file(const std::string& path, const std::string& format);

// Reads a fastText .bin model (ours or fastText's); throws CliError with the reason.
SubwordModel load_model_file(const std::string& path);

// For a word not in the model's vocabulary, says on stderr
// "embplay COMMAND: 'word' is not in the vocabulary; its vector is built from N n-grams".
void note_unseen(const SubwordModel& model, const std::string& word, const std::string& command);

// The row of `word`; throws CliError when the file does not have it.
std::int32_t require_word(const WordVectors& vectors, const std::string& word);

// "word<TAB>cosine\n" per neighbour, cosine with 6 decimals.
std::string format_neighbors(const WordVectors& vectors, const std::vector<Neighbor>& neighbors);

}  // namespace embplay::cli
