// Fuzz target: the bpe tokenizer (src/text/bpe_tokenizer.h), trained on the input and applied to it.
// Input: byte 0 = merges to learn (0..255), byte 1 bit 0 = lowercase, the rest = the text.
// Properties, for the whole text and for its second half (words partly unseen in training):
//  * the pieces regroup into exactly the word tokenizer's tokens: a word's pieces (the first not
//    continuing, the others continuing) tile its span in order, and their texts join to its text;
//  * each piece's span holds as many code points as its text (spans are exact under lowercasing);
//  * each word is split as the documented rule says, checked against a slow reference: in each chunk
//    of kBpeChunkLength code points, repeatedly merge the adjacent pair of lowest rank (first merge
//    naming it), leftmost first, until none applies; every piece of two or more code points is then
//    the join of some learned merge.
#include <map>

#include "fuzz_check.h"
#include "text/bpe_tokenizer.h"
#include "text/bpe_trainer.h"
#include "text/word_tokenizer.h"

namespace {

using namespace embplay;

using RankTable = std::map<std::pair<std::string, std::string>, std::size_t>;

// The reference: pieces (as strings) of one chunk, by the rule in bpe_tokenizer.h.
std::vector<std::string> reference_split(const RankTable& ranks, std::string_view chunk) {
  std::vector<std::string> symbols;
  for (std::size_t pos = 0; pos < chunk.size();) {
    const DecodedChar c = decode_utf8(chunk, pos);
    symbols.emplace_back(chunk.substr(pos, c.length));
    pos += c.length;
  }
  for (;;) {
    std::size_t best = symbols.size(), best_rank = 0;
    for (std::size_t i = 0; i + 1 < symbols.size(); ++i) {
      const auto it = ranks.find({symbols[i], symbols[i + 1]});
      if (it != ranks.end() && (best == symbols.size() || it->second < best_rank)) best = i, best_rank = it->second;
    }
    if (best == symbols.size()) return symbols;
    symbols[best] += symbols[best + 1];
    symbols.erase(symbols.begin() + static_cast<std::ptrdiff_t>(best) + 1);
  }
}

std::size_t count_code_points(std::string_view s) { return fuzz::code_points(s).size(); }

void check(const Tokenizer& bpe, const RankTable& ranks, bool lowercase, std::string_view text) {
  const TokenSequence words = WordTokenizer(lowercase).encode(text);
  const TokenSequence pieces = bpe.encode(text);
  FUZZ_CHECK(pieces.invalid_utf8() == words.invalid_utf8());
  std::size_t p = 0;
  for (std::size_t w = 0; w < words.size(); ++w) {
    const std::string_view word = words.text(w);
    std::vector<std::string> expected;
    for (std::size_t pos = 0; pos < word.size();) {
      const std::size_t end = bpe_chunk_end(word, pos);
      for (auto& piece : reference_split(ranks, word.substr(pos, end - pos))) expected.push_back(std::move(piece));
      pos = end;
    }
    std::uint32_t at = words.start(w);
    for (std::size_t k = 0; k < expected.size(); ++k, ++p) {
      FUZZ_CHECK(p < pieces.size());
      FUZZ_CHECK(pieces.continues_word(p) == (k > 0));
      FUZZ_CHECK(pieces.text(p) == expected[k]);
      FUZZ_CHECK(pieces.start(p) == at && pieces.start(p) < pieces.end(p) && pieces.end(p) <= words.end(w));
      const std::string_view span = text.substr(pieces.start(p), pieces.end(p) - pieces.start(p));
      FUZZ_CHECK(count_code_points(span) == count_code_points(expected[k]));
      at = pieces.end(p);
    }
    FUZZ_CHECK(at == words.end(w));
  }
  FUZZ_CHECK(p == pieces.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  TokenizerOptions options;
  options.mode = TokenizerMode::Bpe;
  options.merges = data[0];
  options.lowercase = data[1] & 1;
  const std::string_view text = fuzz::as_text(data + 2, size - 2);
  const auto bpe = make_tokenizer(options, text);
  FUZZ_CHECK(bpe->merges().size() <= static_cast<std::size_t>(options.merges));
  RankTable ranks;
  for (std::size_t r = 0; r < bpe->merges().size(); ++r) {
    const BpeMerge& m = bpe->merges()[r];
    FUZZ_CHECK(!m.left.empty() && !m.right.empty() && m.count >= 2);
    ranks.try_emplace({m.left, m.right}, r);
  }
  check(*bpe, ranks, options.lowercase, text);
  check(*bpe, ranks, options.lowercase, text.substr(text.size() / 2));
  return 0;
}
