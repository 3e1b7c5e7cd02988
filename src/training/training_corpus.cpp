// See training_corpus.h.
#include "training/training_corpus.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "text/utf8.h"

namespace embplay {

namespace {

constexpr std::uint32_t kNewline = std::numeric_limits<std::uint32_t>::max();

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

}  // namespace

// One pass over the words: the distinct words in order of first occurrence, their counts,
// and the token stream as indexes into them, with kNewline marking line ends. The views point
// into the caller's text (from_text) or token buffer (from_tokens), which outlive the scan.
struct CorpusScan {
  std::vector<std::string_view> words;
  std::vector<std::uint64_t> counts;
  std::vector<std::size_t> first_offset;
  std::vector<std::uint32_t> tokens;
  std::unordered_map<std::string_view, std::uint32_t> index;

  explicit CorpusScan(std::size_t expected_tokens) {
    index.reserve(1 << 16);
    tokens.reserve(expected_tokens);
  }

  void add(std::string_view word, std::size_t offset) {
    auto [it, inserted] = index.try_emplace(word, static_cast<std::uint32_t>(words.size()));
    if (inserted) {
      if (words.size() == kNewline - 1) throw std::invalid_argument("the corpus has too many distinct words");
      words.push_back(word);
      counts.push_back(0);
      first_offset.push_back(offset);
    }
    ++counts[it->second];
    tokens.push_back(it->second);
  }

  void end_line() { tokens.push_back(kNewline); }
};

namespace {

CorpusScan scan_whitespace(std::string_view text) {
  CorpusScan s(text.size() / 6 + 16);
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    if (c == '\n') {
      s.end_line();
      ++i;
      continue;
    }
    if (is_space(c)) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < n && text[i] != '\n' && !is_space(text[i])) ++i;
    s.add(text.substr(start, i - start), start);
  }
  return s;
}

void check_word(std::string_view word, std::size_t offset) {
  const bool bad = word.empty() || std::any_of(word.begin(), word.end(), [](char c) { return c == '\n' || is_space(c); });
  if (bad) {
    throw std::invalid_argument("the token at byte " + std::to_string(offset) +
                                " is empty or holds whitespace, which a word2vec file cannot store");
  }
}

CorpusScan scan_tokens(const TokenSequence& words, std::string_view text) {
  CorpusScan s(words.size() + 16);
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::size_t start = std::max<std::size_t>(words.start(i), previous_end);
    if (start > previous_end && text.substr(previous_end, start - previous_end).find('\n') != std::string_view::npos) {
      s.end_line();
    }
    previous_end = std::max<std::size_t>(words.end(i), previous_end);
    s.add(words.text(i), words.start(i));
  }
  for (std::size_t w = 0; w < s.words.size(); ++w) check_word(s.words[w], s.first_offset[w]);
  return s;
}

void check_utf8(const CorpusScan& s) {
  for (std::size_t w = 0; w < s.words.size(); ++w) {
    if (count_invalid_utf8(s.words[w]) != 0) {
      throw std::invalid_argument("the corpus is not valid UTF-8: the word at byte " + std::to_string(s.first_offset[w]) +
                                  " contains invalid bytes (convert the file to UTF-8 first)");
    }
  }
}

std::string most_frequent(const CorpusScan& s) {
  std::size_t best = 0;
  for (std::size_t w = 1; w < s.counts.size(); ++w) {
    if (s.counts[w] > s.counts[best]) best = w;
  }
  return "'" + std::string(s.words[best]) + "' appears " + std::to_string(s.counts[best]) + " time" +
         (s.counts[best] == 1 ? "" : "s");
}

}  // namespace

TrainingCorpus TrainingCorpus::from_text(std::string_view text, std::uint64_t min_count) {
  if (min_count < 1) throw std::invalid_argument("min_count must be at least 1, got 0");
  return from_scan(scan_whitespace(text), min_count);
}

TrainingCorpus TrainingCorpus::from_tokens(const TokenSequence& words, std::string_view text, std::uint64_t min_count) {
  if (min_count < 1) throw std::invalid_argument("min_count must be at least 1, got 0");
  return from_scan(scan_tokens(words, text), min_count);
}

TrainingCorpus TrainingCorpus::from_scan(const CorpusScan& s, std::uint64_t min_count) {
  if (s.words.empty()) throw std::invalid_argument("the corpus is empty: it has no words");
  check_utf8(s);

  VocabularyCounter counter;
  for (std::size_t w = 0; w < s.words.size(); ++w) counter.add(s.words[w], s.counts[w]);
  TrainingCorpus corpus;
  corpus.vocabulary_ = Vocabulary::build(counter, {min_count, 0});
  if (corpus.vocabulary_.size() < 2) {
    throw std::invalid_argument("min_count " + std::to_string(min_count) + " removes every word (the most frequent, " +
                                most_frequent(s) + ")");
  }
  std::vector<std::int32_t> id_of_word(s.words.size());
  for (std::size_t w = 0; w < s.words.size(); ++w) id_of_word[w] = corpus.vocabulary_.id_of(s.words[w]);

  const std::uint64_t kept = s.tokens.size() - corpus.vocabulary_.count(Vocabulary::kUnkId);
  if (kept > std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("the corpus has more than 4294967295 vocabulary words");
  }
  corpus.ids_.reserve(kept);
  std::size_t length = 0;  // of the sentence being built
  auto end_sentence = [&] {
    if (length == 0) return;
    corpus.sentence_starts_.push_back(static_cast<std::uint32_t>(corpus.ids_.size()));
    if (length > corpus.longest_sentence_) corpus.longest_sentence_ = length;
    length = 0;
  };
  for (std::uint32_t t : s.tokens) {
    if (t == kNewline) {
      end_sentence();
      continue;
    }
    ++corpus.raw_words_;
    const std::int32_t id = id_of_word[t];
    if (id == Vocabulary::kUnkId) continue;
    corpus.ids_.push_back(id);
    if (++length == kMaxSentenceLength) end_sentence();
  }
  end_sentence();
  return corpus;
}

}  // namespace embplay
