// Reads a word2vec file (word2vec_format.h describes the formats) a few records at a time,
// so a worker can report progress and stay cancellable while it reads 100,000 × 300 vectors:
//
//   Word2VecReader reader(bytes);                 // header and format; the matrix is allocated
//   while (!reader.read(5000).done) report(reader.progress());
//   WordVectors vectors = reader.finish();
//
// The one parser behind from_word2vec: the same strictness and the same one-line messages
// (std::invalid_argument) whether the file is read in one call or row by row. A reader that
// has thrown is spent: further calls throw std::logic_error.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vectors/word2vec_format.h"
#include "vectors/word_vectors.h"

namespace embplay {

// Where the records are and how they are stored, from the header (or, for GloVe's
// header-less text, from the first line and the number of lines).
struct Word2VecLayout {
  Word2VecFormat format = Word2VecFormat::Text;  // Text or Binary, never Auto
  bool has_header = true;
  std::size_t count = 0;  // records
  std::size_t dim = 0;    // values per record
  std::size_t body = 0;   // offset of the first record
};

// The layout of `bytes` read as `format` (Auto detects it); throws std::invalid_argument for
// a bad header or one promising more than the bytes can hold.
Word2VecLayout word2vec_layout(std::string_view bytes, Word2VecFormat format = Word2VecFormat::Auto);

struct Word2VecProgress {
  std::size_t rows_read = 0;
  std::size_t rows_expected = 0;
  // Of the whole read, 0..1: rows read / rows expected, or for header-less text (whose
  // count is only a line count) bytes consumed / file size.
  double fraction = 0;
  bool done = false;  // every record read and the bytes after the last one checked
};

class Word2VecReader {
 public:
  // Reads the header; `bytes` must outlive the reader (it keeps a view, not a copy).
  explicit Word2VecReader(std::string_view bytes, Word2VecFormat format = Word2VecFormat::Auto);

  const Word2VecLayout& layout() const noexcept { return layout_; }
  // Parses up to `max_rows` more records (at least one); after the last, checks the rest of the file.
  Word2VecProgress read(std::size_t max_rows);
  Word2VecProgress progress() const noexcept;
  // The vectors, once progress().done (a repeated word is reported here); the reader is then spent.
  WordVectors finish();

 private:
  void read_text_row();
  void read_binary_row();
  void check_end() const;
  float* row_data(std::size_t r) { return vectors_.data() + r * layout_.dim; }

  std::string_view bytes_;
  Word2VecLayout layout_;
  std::size_t pos_ = 0;
  std::size_t row_ = 0;
  bool done_ = false;
  bool spent_ = false;  // set while parsing (an exception leaves it set) and by finish()
  std::vector<std::string> words_;
  RowMatrix vectors_;
};

}  // namespace embplay
