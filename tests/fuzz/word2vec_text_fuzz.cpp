// Fuzz target: the word2vec text reader, with and without a header (GloVe), and format detection
// (src/vectors/word2vec_reader.h, word2vec_format.h). Input: byte 0 = rows per read() step (1..8),
// the rest = the file. Properties: word2vec_common.h (check_word2vec), for the file read as text
// and read as auto; when auto reads it, detect_word2vec_format names the format it read it as.
#include "word2vec_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace embplay;
  if (size < 1) return 0;
  const std::size_t step = data[0] % 8 + 1;
  const std::string_view bytes = fuzz::as_text(data + 1, size - 1);
  fuzz::check_word2vec(bytes, Word2VecFormat::Text, step);
  fuzz::check_word2vec(bytes, Word2VecFormat::Auto, step);
  std::optional<WordVectors> automatic;
  fuzz::failure_of([&] { automatic.emplace(from_word2vec(bytes, Word2VecFormat::Auto)); });
  if (automatic) {
    const Word2VecFormat detected = detect_word2vec_format(bytes);
    FUZZ_CHECK(detected != Word2VecFormat::Auto);
    FUZZ_CHECK(fuzz::same_bits(*automatic, from_word2vec(bytes, detected)));
  }
  return 0;
}
