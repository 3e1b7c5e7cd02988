// BERT's WordPiece tokenizer (Schuster & Nakajima 2012; Wu et al. 2016; as used by Devlin et
// al. 2019, google-research/bert tokenization.py WordpieceTokenizer): after the basic
// tokenizer (wordpiece_basic.h), each word is cut greedily, longest match first, into pieces
// of the vocabulary, every piece after the first looked up with "##" in front
// ("unaffable" -> un ##aff ##able). A word with a part no piece matches, or longer than 100
// characters, becomes one [UNK].
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/token_sequence.h"
#include "text/wordpiece_vocab.h"

namespace embplay {

struct WordPieceEncoding {
  std::vector<std::int32_t> ids;
  // One entry per id: the piece without "##" (continues_word set for "##" pieces, so
  // display_text shows "##able"), or "[UNK]"; spans are byte ranges of the source text.
  TokenSequence tokens;
};

inline constexpr std::size_t kWordPieceMaxWordChars = 100;

class WordPieceTokenizer {
 public:
  // `uncased`: lowercase and strip accents first (bert-base-uncased); false for cased models.
  WordPieceTokenizer(WordPieceVocab vocab, bool uncased);

  // Throws std::invalid_argument for texts of 4 GiB or more.
  WordPieceEncoding encode(std::string_view text) const;
  const WordPieceVocab& vocab() const noexcept { return vocab_; }
  bool uncased() const noexcept { return uncased_; }

 private:
  WordPieceVocab vocab_;
  bool uncased_;
};

}  // namespace embplay
