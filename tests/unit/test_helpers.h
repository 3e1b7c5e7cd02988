// Shared helpers for the unit tests: one tolerance for floating point, golden strings.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "text/token_sequence.h"
#include "training/training_corpus.h"

namespace embplay::test {

// The one tolerance used for float comparisons across the tests.
inline Approx approx(double x, double margin = 1e-6) { return Approx(x).margin(margin); }

// "text[start,end) text[start,end) ..." for golden-string comparisons.
inline std::string golden(const TokenSequence& tokens) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i) out += ' ';
    out += tokens.display_text(i);
    out += '[' + std::to_string(tokens.start(i)) + ',' + std::to_string(tokens.end(i)) + ')';
  }
  return out;
}

// "text text text" (display texts only).
inline std::string texts(const TokenSequence& tokens) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i) out += ' ';
    out += tokens.display_text(i);
  }
  return out;
}

// "w w w | w w": a training corpus's words, sentences separated by " | ".
inline std::string sentences(const TrainingCorpus& c) {
  std::string out;
  for (std::size_t s = 0; s < c.sentence_count(); ++s) {
    if (s) out += " | ";
    for (std::size_t i = 0; i < c.sentence_length(s); ++i) {
      if (i) out += ' ';
      out += c.vocabulary().token(c.ids()[c.sentence_start(s) + i]);
    }
  }
  return out;
}

}  // namespace embplay::test
