// A sentence as the model's token rows: the first tokens of a text in the word mode, their
// vocabulary ids and their rows of the seeded embedding table W_E, made exactly as the page's
// sections 2-5 make them with their defaults (word tokenizer, vocabulary with min_count 1 and at
// most 50,000 entries, EmbeddingTable(vocab_size, d_model, seed)). <attention-view> uses it in
// the small positional-encoding module, which has no other tokenizer (the full module's
// `analyze` gives the same rows: tests/node/attention_widget_core.test.mjs).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "transformer/embedding_table.h"

namespace embplay {

struct SentenceRows {
  std::vector<std::string> labels;  // display text of the first `limit` tokens
  std::vector<std::int32_t> ids;    // their vocabulary ids
  RowMatrix rows;                   // ids.size() x d_model
  std::size_t total_tokens = 0;     // tokens in the whole text
};

inline constexpr std::size_t kSentenceMaxVocab = 50000;

// Throws std::invalid_argument for d_model outside 1..kMaxDModel (before tokenizing).
SentenceRows word_sentence_rows(std::string_view text, bool lowercase, std::size_t d_model, std::uint64_t seed,
                                std::size_t limit);

}  // namespace embplay
