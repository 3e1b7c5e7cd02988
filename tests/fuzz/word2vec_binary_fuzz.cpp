// Fuzz target: the word2vec binary reader (src/vectors/word2vec_reader.h). Input: byte 0 = rows
// per read() step (1..8), the rest = the file. Properties: word2vec_common.h (check_word2vec) for
// the file read as binary.
#include "word2vec_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace embplay;
  if (size < 1) return 0;
  const std::size_t step = data[0] % 8 + 1;
  fuzz::check_word2vec(fuzz::as_text(data + 1, size - 1), Word2VecFormat::Binary, step);
  return 0;
}
