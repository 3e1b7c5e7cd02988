// See bpe_tokenizer.h.
#include "text/bpe_tokenizer.h"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>

#include "text/bpe_trainer.h"
#include "text/utf8.h"

namespace embplay {
namespace {

std::uint64_t pair_key(std::uint32_t left, std::uint32_t right) {
  return (std::uint64_t{left} << 32) | right;
}

// Symbol ids for the strings named by the merges, assigned in order of first appearance.
class SymbolTable {
 public:
  std::uint32_t id(const std::string& text) {
    return ids_.try_emplace(text, static_cast<std::uint32_t>(ids_.size())).first->second;
  }
  const std::unordered_map<std::string, std::uint32_t>& ids() const { return ids_; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
};

// Advances `pos` over `n` code points of `text` (stopping at its end).
std::size_t skip_code_points(std::string_view text, std::size_t pos, std::uint32_t n) {
  for (; n > 0 && pos < text.size(); --n) pos += decode_utf8(text, pos).length;
  return pos;
}

std::uint32_t count_code_points(std::string_view text) {
  std::uint32_t n = 0;
  for (std::size_t pos = 0; pos < text.size(); ++n) pos += decode_utf8(text, pos).length;
  return n;
}

// A candidate merge inside one word: the rule's rank and the code-point index of its left symbol.
struct Candidate {
  std::uint32_t rank;
  std::uint32_t left;
  bool operator>(const Candidate& other) const {
    return rank != other.rank ? rank > other.rank : left > other.left;
  }
};

// Where the cached pieces of one distinct chunk are: `count` byte lengths from `first` on.
struct CachedChunk {
  std::string_view chunk;
  std::size_t hash = 0;
  std::uint32_t first = 0;
  std::uint32_t count = 0;  // 0 marks an empty slot (a non-empty chunk has at least one piece)
};

// The piece byte lengths of each distinct chunk, split once per encode() call. Open addressing with
// linear probing in one flat array: a lookup costs about one cache miss, where
// std::unordered_map's buckets, nodes and keys cost several (it was encode()'s hot spot).
class PieceCache {
 public:
  PieceCache() : slots_(1024) {}

  // Appends the piece byte lengths of `chunk` (not empty) to `out`, calling `split(chunk)` for them
  // the first time the chunk is seen.
  template <class Split>
  void append(std::string_view chunk, const Split& split, std::vector<std::uint32_t>& out) {
    CachedChunk& slot = find(chunk);
    if (slot.count == 0) {
      const std::vector<std::uint32_t> bytes = split(chunk);
      slot.first = static_cast<std::uint32_t>(lengths_.size());
      slot.count = static_cast<std::uint32_t>(bytes.size());
      lengths_.insert(lengths_.end(), bytes.begin(), bytes.end());
    }
    out.insert(out.end(), lengths_.begin() + slot.first, lengths_.begin() + slot.first + slot.count);
  }

 private:
  CachedChunk& find(std::string_view chunk) {
    const std::size_t hash = std::hash<std::string_view>()(chunk);
    CachedChunk* slot = probe(chunk, hash);
    if (slot->count == 0 && ++size_ * 2 > slots_.size()) {
      grow();
      slot = probe(chunk, hash);
    }
    slot->chunk = chunk;
    slot->hash = hash;
    return *slot;
  }

  CachedChunk* probe(std::string_view chunk, std::size_t hash) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      CachedChunk& slot = slots_[i];
      if (slot.count == 0 || (slot.hash == hash && slot.chunk == chunk)) return &slot;
    }
  }

  void grow() {
    std::vector<CachedChunk> old(slots_.size() * 2);
    old.swap(slots_);
    for (const CachedChunk& entry : old)
      if (entry.count != 0) *probe(entry.chunk, entry.hash) = entry;
  }

  std::vector<CachedChunk> slots_;  // size is a power of two, at most half full
  std::size_t size_ = 0;
  std::vector<std::uint32_t> lengths_;
};

}  // namespace

BpeTokenizer::BpeTokenizer(std::vector<BpeMerge> merges, bool lowercase)
    : merges_(std::move(merges)), words_(lowercase) {
  SymbolTable symbols;
  for (std::size_t rank = 0; rank < merges_.size(); ++rank) {
    const BpeMerge& m = merges_[rank];
    const std::uint32_t left = symbols.id(m.left);
    const std::uint32_t right = symbols.id(m.right);
    const std::uint32_t merged = symbols.id(m.left + m.right);
    rules_.try_emplace(pair_key(left, right), Rule{static_cast<std::uint32_t>(rank), merged});  // first rank wins
  }
  for (const auto& [text, id] : symbols.ids()) {
    if (text.empty()) continue;
    const DecodedChar c = decode_utf8(text, 0);
    if (c.valid && c.length == text.size()) code_point_ids_.emplace(c.cp, id);
  }
}

std::uint32_t BpeTokenizer::code_point_symbol(char32_t cp) const {
  auto it = code_point_ids_.find(cp);
  return it == code_point_ids_.end() ? kNoSymbol : it->second;
}

const BpeTokenizer::Rule* BpeTokenizer::find_rule(std::uint32_t left, std::uint32_t right) const {
  if (left == kNoSymbol || right == kNoSymbol) return nullptr;
  auto it = rules_.find(pair_key(left, right));
  return it == rules_.end() ? nullptr : &it->second;
}

std::vector<std::uint32_t> BpeTokenizer::code_point_symbols(std::string_view word) const {
  std::vector<std::uint32_t> symbols;
  for (std::size_t pos = 0; pos < word.size();) {
    const DecodedChar c = decode_utf8(word, pos);
    symbols.push_back(code_point_symbol(c.cp));
    pos += c.length;
  }
  return symbols;
}

// Symbols live in a linked list indexed by the code point they start at; a min-heap of candidate
// merges ordered by (rank, position) makes this O(n log n) in the word's length (where rescanning
// for the lowest rank after every merge, as GPT-2's bpe() does, is O(n^2)). Stale candidates (a
// symbol changed since they were pushed) are skipped.
std::vector<std::uint32_t> BpeTokenizer::split_word(std::string_view word) const {
  std::vector<std::uint32_t> symbol = code_point_symbols(word);
  const auto n = static_cast<std::uint32_t>(symbol.size());
  std::vector<std::uint32_t> next(n), prev(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    next[i] = i + 1;  // n means none
    prev[i] = i - 1;  // wraps to kNoSymbol for the first
  }
  std::vector<Candidate> heap;
  const auto consider = [&](std::uint32_t left) {
    if (left == kNoSymbol || next[left] >= n) return;
    if (const Rule* rule = find_rule(symbol[left], symbol[next[left]])) {
      heap.push_back({rule->rank, left});
      std::push_heap(heap.begin(), heap.end(), std::greater<Candidate>());
    }
  };
  for (std::uint32_t i = 0; i + 1 < n; ++i) {
    if (const Rule* rule = find_rule(symbol[i], symbol[i + 1])) heap.push_back({rule->rank, i});
  }
  std::make_heap(heap.begin(), heap.end(), std::greater<Candidate>());
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), std::greater<Candidate>());
    const Candidate c = heap.back();
    heap.pop_back();
    if (symbol[c.left] == kNoSymbol || next[c.left] >= n) continue;
    const Rule* rule = find_rule(symbol[c.left], symbol[next[c.left]]);
    if (rule == nullptr || rule->rank != c.rank) continue;
    const std::uint32_t right = next[c.left];
    symbol[c.left] = rule->merged;
    symbol[right] = kNoSymbol;  // absorbed
    next[c.left] = next[right];
    if (next[right] < n) prev[next[right]] = c.left;
    consider(prev[c.left]);
    consider(c.left);
  }
  std::vector<std::uint32_t> lengths;
  for (std::uint32_t i = 0; i < n; i = next[i]) lengths.push_back(next[i] - i);
  return lengths;
}

// Byte lengths of the pieces of `word`, given their code-point lengths.
std::vector<std::uint32_t> BpeTokenizer::piece_bytes(std::string_view word) const {
  std::vector<std::uint32_t> bytes = split_word(word);
  std::size_t pos = 0;
  for (auto& length : bytes) {
    const std::size_t end = skip_code_points(word, pos, length);
    length = static_cast<std::uint32_t>(end - pos);
    pos = end;
  }
  return bytes;
}

TokenSequence BpeTokenizer::encode(std::string_view text) const {
  const TokenSequence words = words_.encode(text);
  TokenSequence out;
  out.reserve(words.size() * 2, text.size());
  PieceCache cache;
  const auto split = [this](std::string_view chunk) { return piece_bytes(chunk); };
  std::vector<std::uint32_t> bytes;  // piece byte lengths of the current word
  for (std::size_t w = 0; w < words.size(); ++w) {
    const std::string_view word = words.text(w);
    if (word.empty()) continue;  // (the word tokenizer emits none; it would have no pieces)
    bytes.clear();
    if (word.size() <= kBpeChunkLength) {  // no more code points than bytes: a single chunk
      cache.append(word, split, bytes);
    } else {
      for (std::size_t pos = 0; pos < word.size();) {
        const std::size_t end = bpe_chunk_end(word, pos);
        cache.append(word.substr(pos, end - pos), split, bytes);
        pos = end;
      }
    }
    emit_pieces(text, words, w, bytes, out);
  }
  out.set_invalid_utf8(words.invalid_utf8());
  return out;
}

// Appends the pieces of word `w`. When the word's text differs from its source bytes (lowercasing
// changed them), each piece's span is found by skipping as many code points in the source.
void BpeTokenizer::emit_pieces(std::string_view text, const TokenSequence& words, std::size_t w,
                               const std::vector<std::uint32_t>& bytes, TokenSequence& out) const {
  const std::string_view word = words.text(w);
  const std::uint32_t start = words.start(w);
  const std::string_view source = text.substr(start, words.end(w) - start);
  const bool same = source == word;
  std::size_t norm = 0, orig = 0;
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    const std::size_t norm_end = norm + bytes[k];
    std::size_t orig_end = norm_end;
    if (k + 1 == bytes.size()) {
      orig_end = source.size();
    } else if (!same) {
      orig_end = skip_code_points(source, orig, count_code_points(word.substr(norm, bytes[k])));
    }
    out.push(word.substr(norm, bytes[k]), static_cast<std::uint32_t>(start + orig),
             static_cast<std::uint32_t>(start + orig_end), k > 0);
    norm = norm_end;
    orig = orig_end;
  }
}

std::unique_ptr<Tokenizer> make_bpe_tokenizer(const TokenizerOptions& options, std::string_view training_text) {
  if (options.merges < 0 || options.merges > kMaxMerges)
    throw std::invalid_argument("merges must be between 0 and " + std::to_string(kMaxMerges) + ", got " +
                                std::to_string(options.merges));
  const TokenSequence words = WordTokenizer(options.lowercase).encode(training_text);
  return std::make_unique<BpeTokenizer>(learn_bpe(count_words(words), options.merges), options.lowercase);
}

}  // namespace embplay
