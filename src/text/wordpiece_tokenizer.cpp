// Greedy longest-match-first WordPiece; see wordpiece_tokenizer.h.
#include "text/wordpiece_tokenizer.h"

#include "text/utf8.h"
#include "text/wordpiece_basic.h"

namespace embplay {

namespace {

std::string utf8_of(const std::u32string& chars, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) append_utf8(out, chars[i]);
  return out;
}

struct Piece {
  std::size_t begin, end;
  std::int32_t id;
};

// The pieces of one word, or an empty list when some part matches no piece.
std::vector<Piece> split_word(const BasicWord& word, const WordPieceVocab& vocab) {
  std::vector<Piece> pieces;
  const std::size_t n = word.chars.size();
  for (std::size_t start = 0; start < n;) {
    std::int32_t id = -1;
    std::size_t end = n;
    for (; end > start; --end) {
      const std::string piece = (start > 0 ? "##" : "") + utf8_of(word.chars, start, end);
      id = vocab.id_of(piece);
      if (id >= 0) break;
    }
    if (id < 0) return {};
    pieces.push_back({start, end, id});
    start = end;
  }
  return pieces;
}

}  // namespace

WordPieceTokenizer::WordPieceTokenizer(WordPieceVocab vocab, bool uncased) : vocab_(std::move(vocab)), uncased_(uncased) {}

WordPieceEncoding WordPieceTokenizer::encode(std::string_view text) const {
  WordPieceEncoding out;
  for (const BasicWord& word : bert_basic_tokenize(text, uncased_)) {
    const std::vector<Piece> pieces =
        word.chars.size() > kWordPieceMaxWordChars ? std::vector<Piece>{} : split_word(word, vocab_);
    if (pieces.empty()) {
      out.ids.push_back(vocab_.unk_id());
      out.tokens.push(vocab_.token(vocab_.unk_id()), word.starts.front(), word.ends.back());
      continue;
    }
    for (const Piece& p : pieces) {
      out.ids.push_back(p.id);
      out.tokens.push(utf8_of(word.chars, p.begin, p.end), word.starts[p.begin], word.ends[p.end - 1], p.begin > 0);
    }
  }
  out.tokens.set_invalid_utf8(count_invalid_utf8(text));
  return out;
}

}  // namespace embplay
