// BERT's basic tokenizer; see wordpiece_basic.h.
#include "text/wordpiece_basic.h"

#include <stdexcept>

#include "text/strip_accents.h"
#include "text/unicode.h"
#include "text/utf8.h"

namespace embplay {

namespace {

class WordBuilder {
 public:
  explicit WordBuilder(std::vector<BasicWord>& out) : out_(out) {}

  void add(char32_t cp, std::uint32_t start, std::uint32_t end) {
    word_.chars += cp;
    word_.starts.push_back(start);
    word_.ends.push_back(end);
  }
  void add_alone(char32_t cp, std::uint32_t start, std::uint32_t end) {
    close();
    add(cp, start, end);
    close();
  }
  void close() {
    if (!word_.chars.empty()) out_.push_back(std::move(word_));
    word_ = BasicWord();
  }

 private:
  std::vector<BasicWord>& out_;
  BasicWord word_;
};

}  // namespace

bool is_bert_whitespace(char32_t cp) noexcept {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') return true;
  if (cp == 0x0B || cp == 0x0C || cp == 0x85) return false;  // White_Space but Cc: removed as controls
  return is_white_space(cp);
}

bool is_bert_removed(char32_t cp) noexcept {
  if (cp == 0 || cp == kReplacementChar) return true;
  if (cp == 0x0B || cp == 0x0C || cp == 0x85) return true;
  const CharClass c = char_class(cp);
  return c == CharClass::Control || c == CharClass::Other;  // Cc, Cf, Cs, Co, Cn
}

bool is_cjk_ideograph(char32_t cp) noexcept {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF) ||
         (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

bool is_bert_punctuation(char32_t cp) noexcept {
  if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) return true;
  return char_class(cp) == CharClass::Punctuation;
}

std::vector<BasicWord> bert_basic_tokenize(std::string_view text, bool uncased) {
  if (text.size() >= (std::size_t{1} << 32)) throw std::invalid_argument("text of 4 GiB or more");
  std::vector<BasicWord> words;
  WordBuilder word(words);
  std::u32string normal;
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedChar d = decode_utf8(text, pos);
    const auto start = static_cast<std::uint32_t>(pos), end = static_cast<std::uint32_t>(pos + d.length);
    pos += d.length;
    if (is_bert_whitespace(d.cp)) {
      word.close();
      continue;
    }
    if (is_bert_removed(d.cp)) continue;
    normal.clear();
    if (uncased) {
      append_without_accents(normal, to_lower(d.cp));
    } else {
      normal += d.cp;
    }
    const bool cjk = is_cjk_ideograph(d.cp);
    for (char32_t c : normal) {
      if (cjk || is_bert_punctuation(c)) {
        word.add_alone(c, start, end);
      } else {
        word.add(c, start, end);
      }
    }
  }
  word.close();
  return words;
}

}  // namespace embplay
