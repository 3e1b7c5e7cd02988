#include "transformer/sentence_rows.h"

#include <stdexcept>
#include <string>

#include "text/vocabulary.h"
#include "text/word_tokenizer.h"

namespace embplay {

SentenceRows word_sentence_rows(std::string_view text, bool lowercase, std::size_t d_model, std::uint64_t seed,
                                std::size_t limit) {
  if (d_model == 0 || d_model > kMaxDModel) {
    throw std::invalid_argument("d_model must be between 1 and " + std::to_string(kMaxDModel) + ", got " +
                                std::to_string(d_model));
  }
  const TokenSequence tokens = WordTokenizer(lowercase).encode(text);
  const Vocabulary vocab = Vocabulary::build(tokens, VocabularyOptions{1, kSentenceMaxVocab});
  SentenceRows s;
  s.total_tokens = tokens.size();
  s.ids = vocab.encode(tokens);
  if (s.ids.size() > limit) s.ids.resize(limit);
  for (std::size_t i = 0; i < s.ids.size(); ++i) s.labels.push_back(tokens.display_text(i));
  s.rows = EmbeddingTable(vocab.size(), d_model, seed).lookup(s.ids);
  return s;
}

}  // namespace embplay
