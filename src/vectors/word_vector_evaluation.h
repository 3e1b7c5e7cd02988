// The two standard intrinsic evaluations of word vectors, computed like gensim's
// KeyedVectors.evaluate_word_pairs and evaluate_word_analogies:
//  - word similarity (WordSim353, Finkelstein et al. 2002): Spearman correlation between
//    cosine similarity and human scores over the pairs whose words are both known;
//  - analogies (Mikolov et al. 2013, questions-words.txt): 3CosAdd over the most frequent
//    `restrict` words; a question counts only when its four words are among them.
// Matching is case-insensitive (ASCII), the first (most frequent) spelling of a word wins.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "vectors/word_vectors.h"

namespace embplay {

// Spearman's rank correlation (average ranks for ties, like scipy.stats.spearmanr).
// NaN when fewer than 2 pairs or a side is constant. Throws on length mismatch.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

struct WordPairScore {
  double spearman;
  std::size_t pairs_used;   // both words known
  std::size_t pairs_total;
};

// `tsv`: lines "word1<TAB>word2<TAB>score"; '#' lines are comments. Words are looked up
// among the first `restrict` words (0 = all). Throws std::invalid_argument on a malformed line.
WordPairScore evaluate_word_pairs(const WordVectors& vectors, std::string_view tsv, std::size_t restrict = 300000);

struct AnalogyScore {
  double accuracy;           // correct / answered (NaN when none answered)
  std::size_t correct;
  std::size_t answered;      // questions whose four words are among the first `restrict`
  std::size_t total;         // questions in the file
};

// `questions`: ": section" headers and lines "a b c d" (a is to b as c is to d).
AnalogyScore evaluate_analogies(const WordVectors& vectors, std::string_view questions, std::size_t restrict = 30000);

}  // namespace embplay
