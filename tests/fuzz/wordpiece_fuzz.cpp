// Fuzz target: BERT's WordPiece with arbitrary vocab.txt files (src/text/wordpiece_vocab.h,
// wordpiece_tokenizer.h). Input: byte 0 = options (bit 0 uncased, bit 1 put "[UNK]\n" in front
// of the vocabulary so that most inputs are usable ones), the rest = vocab.txt up to the first
// NUL, then the text. Properties:
//  * the vocabulary is accepted exactly when a reference reading of the lines accepts it (split at
//    "\n", one "\r" dropped before it, no final empty line: then at least one line, none empty,
//    all valid UTF-8 and distinct, "[UNK]" among them); a refusal is std::invalid_argument naming
//    vocab.txt on one printable line; accepted, line i is token i;
//  * the encoding equals a reference that splits each word of bert_basic_tokenize greedily,
//    longest piece first ("##" before every piece but the first), into pieces of the line set:
//    ids in range and the ids of those pieces, texts without "##" re-joining to the word,
//    continues_word on every piece but the first, spans the source characters' bytes; [UNK]
//    (with the whole word's span) exactly when the greedy split fails or the word has more than
//    100 characters.
#include <algorithm>
#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "fuzz_check.h"
#include "text/wordpiece_basic.h"
#include "text/wordpiece_tokenizer.h"

namespace {

using namespace embplay;

// The lines of vocab.txt as the format defines them, or nullopt when the file is not usable.
std::optional<std::vector<std::string>> reference_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(pos, end - pos));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    pos = end + 1;
  }
  std::set<std::string> distinct(lines.begin(), lines.end());
  if (lines.empty() || distinct.size() != lines.size() || !distinct.count("[UNK]")) return std::nullopt;
  for (const std::string& line : lines)
    if (line.empty() || count_invalid_utf8(line) != 0) return std::nullopt;
  return lines;
}

struct Expected {
  std::int32_t id;
  std::string text;
  std::uint32_t start, end;
  bool continues;
};

std::string utf8(const std::u32string& chars, std::size_t begin, std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) append_utf8(out, chars[i]);
  return out;
}

// Greedy longest-match-first over the line set.
std::vector<Expected> reference_word(const BasicWord& w, const std::unordered_map<std::string, std::int32_t>& ids,
                                     std::int32_t unk) {
  const Expected whole{unk, "[UNK]", w.starts.front(), w.ends.back(), false};
  if (w.chars.size() > kWordPieceMaxWordChars) return {whole};
  std::vector<Expected> out;
  std::size_t start = 0;
  while (start < w.chars.size()) {
    bool found = false;
    for (std::size_t len = w.chars.size() - start; len >= 1 && !found; --len) {
      const std::string piece = utf8(w.chars, start, start + len);
      const auto it = ids.find((start ? "##" : "") + piece);
      if (it == ids.end()) continue;
      out.push_back({it->second, piece, w.starts[start], w.ends[start + len - 1], start > 0});
      start += len;
      found = true;
    }
    if (!found) return {whole};
  }
  return out;
}

void check_encoding(const WordPieceTokenizer& tokenizer, const std::vector<std::string>& lines, std::string_view text) {
  std::unordered_map<std::string, std::int32_t> ids;
  for (std::size_t i = 0; i < lines.size(); ++i) ids.emplace(lines[i], static_cast<std::int32_t>(i));
  const std::int32_t unk = ids.at("[UNK]");
  const WordPieceEncoding enc = tokenizer.encode(text);
  FUZZ_CHECK(enc.ids.size() == enc.tokens.size() && enc.tokens.invalid_utf8() == count_invalid_utf8(text));
  std::size_t k = 0;
  for (const BasicWord& w : bert_basic_tokenize(text, tokenizer.uncased())) {
    const std::vector<Expected> pieces = reference_word(w, ids, unk);
    std::string joined;
    for (const Expected& e : pieces) {
      FUZZ_CHECK(k < enc.ids.size());
      FUZZ_CHECK(enc.ids[k] == e.id && enc.ids[k] >= 0 && static_cast<std::size_t>(enc.ids[k]) < lines.size());
      FUZZ_CHECK(enc.tokens.text(k) == e.text && enc.tokens.continues_word(k) == e.continues);
      FUZZ_CHECK(enc.tokens.start(k) == e.start && enc.tokens.end(k) == e.end && e.start < e.end && e.end <= text.size());
      joined += e.text;
      ++k;
    }
    // A basic word never holds '[' (punctuation is split off), so "[UNK]" is only the whole-word one.
    if (pieces[0].text != "[UNK]") FUZZ_CHECK(joined == utf8(w.chars, 0, w.chars.size()));
  }
  FUZZ_CHECK(k == enc.ids.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const bool uncased = data[0] & 1;
  const std::string_view rest = fuzz::as_text(data + 1, size - 1);
  const std::size_t nul = std::min(rest.find('\0'), rest.size());
  const std::string vocab_txt = ((data[0] & 2) ? "[UNK]\n" : "") + std::string(rest.substr(0, nul));
  const std::string_view text = nul < rest.size() ? rest.substr(nul + 1) : std::string_view();

  const std::optional<std::vector<std::string>> lines = reference_lines(vocab_txt);
  std::optional<WordPieceVocab> vocab;
  const std::string message = fuzz::refusal_of<std::invalid_argument>([&] { vocab.emplace(vocab_txt); });
  FUZZ_CHECK(vocab.has_value() == lines.has_value());
  if (!vocab) {
    FUZZ_CHECK(message.rfind("vocab.txt", 0) == 0);
    return 0;
  }
  FUZZ_CHECK(vocab->tokens() == *lines && vocab->unk_id() == vocab->id_of("[UNK]"));
  for (std::size_t i = 0; i < lines->size(); ++i) FUZZ_CHECK(vocab->id_of((*lines)[i]) == static_cast<std::int32_t>(i));
  const WordPieceTokenizer tokenizer(std::move(*vocab), uncased);
  check_encoding(tokenizer, *lines, text);
  return 0;
}
