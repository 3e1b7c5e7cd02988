// How a training text becomes the words word2vec learns (issue 4 §1: the page trains on the
// tokens that section 2 shows, with its lowercasing).
//
//   whitespace  word2vec.c's reading (TrainingCorpus::from_text): split on ASCII whitespace,
//               nothing lowercased; the default of `embplay train` and the page's built-in
//               corpora, which are written pre-tokenised.
//   word, char, bpe, gpt2
//               the tokenizer modes of tokenizer.h and gpt2_bpe.h; the token strings become the
//               vocabulary words (TrainingCorpus::from_tokens).
//
// A newline ('\n') still ends a sentence in every mode. word2vec files write a word followed by
// a space, so a word may hold no whitespace:
//  * pure-whitespace tokens are skipped (char mode never emits them; GPT-2's "Ġ", "Ċ", "ĊĊ", ...);
//  * BPE pieces that continue a word keep the WordPiece mark ("##ing"), as section 2 shows them,
//    so a word "ing" and the continuation "##ing" stay two words;
//  * GPT-2 tokens are written as GPT-2's vocab.json writes them, every byte a visible character
//    (gpt2_byte_map.h): " king" is "Ġking", a different word from "king" at a line start, as
//    GPT-2 sees them. A token that is part of a multi-byte whitespace character (some of U+3000's
//    bytes) is kept like any other partial-byte token. GPT-2 does not lowercase (nor does the page).
#pragma once

#include <cstdint>
#include <string_view>

#include "gpt2/gpt2_bpe.h"
#include "text/token_sequence.h"
#include "text/tokenizer.h"
#include "training/training_corpus.h"

namespace embplay {

enum class TrainingSplit { Whitespace, Word, Char, Bpe, Gpt2 };

// "whitespace" | "word" | "char" | "bpe" | "gpt2"; throws std::invalid_argument naming them.
TrainingSplit parse_training_split(std::string_view name);
const char* training_split_name(TrainingSplit split) noexcept;

struct TrainingTokenOptions {
  TrainingSplit split = TrainingSplit::Whitespace;
  bool lowercase = false;          // word, char, bpe: Unicode simple lowercasing, as section 2
  int merges = 200;                // bpe: merges learned from the training text itself
  const Gpt2Bpe* gpt2 = nullptr;   // gpt2: the loaded tokenizer (required)
};

// The words of `text` for a tokenizer mode (not Whitespace), spans into `text`. Throws
// std::invalid_argument for invalid UTF-8 (from_text refuses it too), bad options, lowercasing
// with gpt2 or whitespace, or gpt2 without a tokenizer.
TokenSequence training_tokens(std::string_view text, const TrainingTokenOptions& options);

// from_text for Whitespace, otherwise from_tokens(training_tokens(text, options), text).
TrainingCorpus make_training_corpus(std::string_view text, const TrainingTokenOptions& options, std::uint64_t min_count);

}  // namespace embplay
