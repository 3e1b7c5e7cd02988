// word2vec's vector file formats (word2vec.c, gensim's KeyedVectors.save_word2vec_format,
// fastText's .vec), read strictly and written so gensim and word2vec.c load them.
//
// Both start with a header line "COUNT DIM"; GloVe's text files, which have none, are read
// too (a first line that is a text record, not two whole numbers: one record per line). Text: one line per word, "word v1 v2 ... vDIM"
// (we write each value with 9 significant digits, which round-trips a float exactly).
// Binary: "word " then DIM little-endian float32s, then "\n" (word2vec.c writes the newline,
// gensim does not; the reader accepts both).
//
// The reader refuses what it cannot trust, with one line saying where: a header that does
// not match the records (too few, too many), a short or long vector, a value that is not a
// finite number, a word that is not valid UTF-8 or appears twice.
#pragma once

#include <string>
#include <string_view>

#include "vectors/word_vectors.h"

namespace embplay {

enum class Word2VecFormat { Auto, Text, Binary };

// "auto" | "text" | "binary"; throws std::invalid_argument otherwise.
Word2VecFormat parse_word2vec_format(std::string_view name);

// The file's bytes for `vectors` (Auto means Text).
std::string to_word2vec(const WordVectors& vectors, Word2VecFormat format);

// Parses a whole file (a Word2VecReader, word2vec_reader.h, in one call). Auto looks at the
// first record: if it is a line of DIM numbers the file is text, otherwise binary. Throws
// std::invalid_argument with the reason.
WordVectors from_word2vec(std::string_view bytes, Word2VecFormat format = Word2VecFormat::Auto);

// Which format the bytes hold (the Auto rule above); throws on a bad header (word2vec_layout).
Word2VecFormat detect_word2vec_format(std::string_view bytes);

}  // namespace embplay
