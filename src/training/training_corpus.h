// The training text as integer ids, tokenised once up front so the training loop never
// touches strings.
//
// Words are split on ASCII whitespace (space, tab, CR, VT, FF) and a newline ends a
// sentence, as word2vec.c reads its -train file; no Unicode segmentation, no case
// folding (normalise the text first if you want that). Words below min_count are dropped
// from the id stream (word2vec drops out-of-vocabulary words before windowing), and a
// sentence longer than kMaxSentenceLength vocabulary words is cut into pieces, like
// word2vec's MAX_SENTENCE_LENGTH, so one huge line cannot make a training chunk huge.
//
// from_tokens takes words already split by a tokenizer (training_tokens.h builds them for the
// word, char, bpe and gpt2 modes); everything after the split is the same.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/token_sequence.h"
#include "text/vocabulary.h"

namespace embplay {

struct CorpusScan;  // training_corpus.cpp: the distinct words and the word stream of one pass

class TrainingCorpus {
 public:
  static constexpr std::size_t kMaxSentenceLength = 1000;

  // Throws std::invalid_argument when the text has no words, when min_count removes every
  // word, or when a word is not valid UTF-8 (the message gives its byte offset).
  static TrainingCorpus from_text(std::string_view text, std::uint64_t min_count);
  // Words already split: word i is words.text(i), spanning [start(i), end(i)) of `text`; a
  // newline in `text` between two words' spans ends a sentence. Throws std::invalid_argument
  // for no words, min_count removing every word, or a word that is empty or holds ASCII
  // whitespace (a word2vec file could not store it).
  static TrainingCorpus from_tokens(const TokenSequence& words, std::string_view text, std::uint64_t min_count);

  const Vocabulary& vocabulary() const noexcept { return vocabulary_; }
  // Vocabulary ids (never Vocabulary::kUnkId), sentence after sentence.
  const std::vector<std::int32_t>& ids() const noexcept { return ids_; }
  std::size_t sentence_count() const noexcept { return sentence_starts_.size() - 1; }
  // Sentence i is ids()[sentence_start(i), sentence_start(i + 1)); never empty.
  std::size_t sentence_start(std::size_t i) const noexcept { return sentence_starts_[i]; }
  std::size_t sentence_length(std::size_t i) const noexcept { return sentence_starts_[i + 1] - sentence_starts_[i]; }

  std::uint64_t words() const noexcept { return ids_.size(); }     // vocabulary words (what training reads)
  std::uint64_t raw_words() const noexcept { return raw_words_; }  // every word, dropped ones included
  std::size_t longest_sentence() const noexcept { return longest_sentence_; }

 private:
  static TrainingCorpus from_scan(const CorpusScan& s, std::uint64_t min_count);
  Vocabulary vocabulary_;
  std::vector<std::int32_t> ids_;
  std::vector<std::uint32_t> sentence_starts_{0};
  std::uint64_t raw_words_ = 0;
  std::size_t longest_sentence_ = 0;
};

}  // namespace embplay
