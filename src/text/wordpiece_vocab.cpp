// Reading vocab.txt; see wordpiece_vocab.h.
#include "text/wordpiece_vocab.h"

#include <stdexcept>

#include "text/message_quote.h"
#include "text/unicode.h"
#include "text/utf8.h"

namespace embplay {

namespace {

[[noreturn]] void fail_line(std::size_t line, const std::string& what) {
  throw std::invalid_argument("vocab.txt line " + std::to_string(line) + ": " + what);
}

}  // namespace

WordPieceVocab::WordPieceVocab(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t number = tokens_.size() + 1;
    if (line.empty()) fail_line(number, "empty token");
    if (count_invalid_utf8(line) > 0) fail_line(number, "invalid UTF-8");
    if (tokens_.size() >= static_cast<std::size_t>(INT32_MAX)) fail_line(number, "too many tokens");
    tokens_.emplace_back(line);
    pos = end + 1;
  }
  if (tokens_.empty()) throw std::invalid_argument("vocab.txt is empty");
  build_index();
  unk_ = id_of("[UNK]");
  if (unk_ < 0) throw std::invalid_argument("vocab.txt has no [UNK] token");
}

WordPieceVocab::WordPieceVocab(const WordPieceVocab& other) : tokens_(other.tokens_), unk_(other.unk_) { build_index(); }

void WordPieceVocab::build_index() {
  index_.clear();
  index_.reserve(tokens_.size());
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const auto [it, inserted] = index_.emplace(tokens_[i], static_cast<std::int32_t>(i));
    if (!inserted)
      fail_line(i + 1, quote_for_message(tokens_[i]) + " repeats line " + std::to_string(it->second + 1));
  }
}

std::int32_t WordPieceVocab::id_of(std::string_view token) const noexcept {
  const auto it = index_.find(token);
  return it == index_.end() ? -1 : it->second;
}

bool WordPieceVocab::looks_uncased() const noexcept {
  for (const auto& t : tokens_) {
    if (t.size() > 1 && t.front() == '[' && t.back() == ']') continue;
    for (std::size_t pos = 0; pos < t.size();) {
      const DecodedChar d = decode_utf8(t, pos);
      pos += d.length;
      if (to_lower(d.cp) != d.cp) return false;
    }
  }
  return true;
}

}  // namespace embplay
