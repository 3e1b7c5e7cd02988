// The properties shared by the word2vec_text and word2vec_binary fuzz targets (one per format, so
// each has its own corpus): see check_word2vec below.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <unordered_set>

#include "fuzz_check.h"
#include "vectors/word2vec_format.h"
#include "vectors/word2vec_reader.h"

namespace embplay::fuzz {

// Every failure is std::invalid_argument with a one-line message (never another exception, a
// crash or a logic_error). Returns the message, or "" when `read` succeeded.
template <class Read>
std::string failure_of(const Read& read) {
  try {
    read();
    return "";
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    FUZZ_CHECK(!message.empty() && message.find('\n') == std::string::npos);
    return message;
  }
}

inline bool same_bits(const WordVectors& a, const WordVectors& b) {
  return a.words() == b.words() && a.dim() == b.dim() &&
         std::memcmp(a.vectors().data(), b.vectors().data(), 4 * a.size() * a.dim()) == 0;
}

// Reads `bytes` as `format`, in one call and row by row (`step` rows at a time), and checks:
//  * both ways give the same vectors or the same message;
//  * progress: rows_read grows to rows_expected, fraction stays in [0, 1] and is 1 when done;
//  * never more rows than the header (or, header-less, the lines) declare, nor than the bytes can
//    hold (a text record takes at least 2 bytes per value, a binary one 4 bytes per value, a word
//    byte and a space); the dimension is the header's;
//  * the words are non-empty, valid UTF-8, free of ASCII whitespace and distinct; the values finite;
//  * what was read writes back (to_word2vec, text and binary) and reads again bit for bit.
inline void check_word2vec(std::string_view bytes, Word2VecFormat format, std::size_t step) {
  std::optional<WordVectors> whole;
  const std::string message = failure_of([&] { whole.emplace(from_word2vec(bytes, format)); });

  std::optional<WordVectors> rows;
  const std::string row_message = failure_of([&] {
    Word2VecReader reader(bytes, format);
    std::size_t last = 0;
    for (;;) {
      const Word2VecProgress p = reader.read(step);
      FUZZ_CHECK(p.rows_read >= last && p.rows_read <= p.rows_expected && p.rows_expected == reader.layout().count);
      FUZZ_CHECK(p.fraction >= 0 && p.fraction <= 1 && (!p.done || p.fraction == 1));
      last = p.rows_read;
      if (p.done) break;
    }
    rows.emplace(reader.finish());
  });
  FUZZ_CHECK(message == row_message);
  if (!whole) return;
  FUZZ_CHECK(rows && same_bits(*whole, *rows));

  const WordVectors& v = *whole;
  const Word2VecLayout layout = word2vec_layout(bytes, format);
  FUZZ_CHECK(v.size() == layout.count && v.dim() == layout.dim && layout.body <= bytes.size());
  const std::size_t body = bytes.size() - layout.body;
  if (layout.format == Word2VecFormat::Text) {
    FUZZ_CHECK(v.size() <= static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1);
    FUZZ_CHECK(v.size() * (2 * v.dim()) <= body + 1);  // "w v v ... v" without its last newline
  } else {
    FUZZ_CHECK(v.size() * (4 * v.dim() + 2) <= body);
  }
  std::unordered_set<std::string> seen;
  for (const std::string& w : v.words()) {
    FUZZ_CHECK(!w.empty() && count_invalid_utf8(w) == 0 && seen.insert(w).second);
    for (char c : std::string_view(" \t\n\r\v\f")) FUZZ_CHECK(w.find(c) == std::string::npos);
  }
  for (std::size_t k = 0; k < v.size() * v.dim(); ++k) FUZZ_CHECK(std::isfinite(v.vectors().data()[k]));

  for (const Word2VecFormat out : {Word2VecFormat::Text, Word2VecFormat::Binary}) {
    const std::string written = to_word2vec(v, out);
    std::optional<WordVectors> again;
    const std::string again_message = failure_of([&] { again.emplace(from_word2vec(written, out)); });
    FUZZ_CHECK(again_message.empty() && same_bits(v, *again));
  }
}

}  // namespace embplay::fuzz
