// The bpe tokenizer mode: words split into learned subword pieces.
//
// Byte-pair encoding (Sennrich, Haddow and Birch 2016, "Neural Machine Translation of Rare Words
// with Subword Units") applied within the words of the word tokenizer. A word starts as one symbol
// per code point; the learned merges are applied by rank, as GPT-2's bpe() does: repeatedly merge
// the adjacent pair with the lowest rank (earliest learned), leftmost first, until none applies.
// Pieces after the first in a word are marked `continues_word` and shown WordPiece-style ("##ing").
// Words longer than kBpeChunkLength code points are split chunk by chunk, as in training
// (bpe_trainer.h); each distinct chunk is split once per encode() call.
//
// Byte spans are exact slices of the original input even when lowercasing changes byte lengths
// (the Kelvin sign "K" is 3 bytes, its lowercase "k" 1): pieces are cut at code-point positions,
// which simple (one-to-one) lowercasing keeps.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/tokenizer.h"
#include "text/word_tokenizer.h"

namespace embplay {

class BpeTokenizer : public Tokenizer {
 public:
  // `merges` in the order they apply (as returned by learn_bpe).
  BpeTokenizer(std::vector<BpeMerge> merges, bool lowercase);

  TokenSequence encode(std::string_view text) const override;
  const std::vector<BpeMerge>& merges() const override { return merges_; }

  // Code-point lengths of the pieces of one normalised word (encode() calls it per chunk of at
  // most kBpeChunkLength code points; it does not cut longer words itself).
  std::vector<std::uint32_t> split_word(std::string_view word) const;

 private:
  static constexpr std::uint32_t kNoSymbol = 0xFFFFFFFFu;
  struct Rule {
    std::uint32_t rank;
    std::uint32_t merged;  // symbol id of the joined pair
  };

  std::vector<std::uint32_t> piece_bytes(std::string_view word) const;
  void emit_pieces(std::string_view text, const TokenSequence& words, std::size_t w,
                   const std::vector<std::uint32_t>& bytes, TokenSequence& out) const;
  std::uint32_t code_point_symbol(char32_t cp) const;  // kNoSymbol if no merge names it
  std::vector<std::uint32_t> code_point_symbols(std::string_view word) const;
  const Rule* find_rule(std::uint32_t left, std::uint32_t right) const;

  std::vector<BpeMerge> merges_;
  WordTokenizer words_;
  std::unordered_map<char32_t, std::uint32_t> code_point_ids_;
  std::unordered_map<std::uint64_t, Rule> rules_;  // (left id, right id) -> rule
};

// Learns `options.merges` merges from `training_text` and returns the tokenizer that applies them.
// Throws std::invalid_argument when options.merges is outside 0 .. kMaxMerges.
std::unique_ptr<Tokenizer> make_bpe_tokenizer(const TokenizerOptions& options, std::string_view training_text);

}  // namespace embplay
