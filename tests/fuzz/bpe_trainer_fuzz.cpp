// Fuzz target: the BPE trainer (src/text/bpe_trainer.h), against a slow reference that recounts
// everything before each merge.
// Input: byte 0 = merges to learn (0..255); then records separated by '\n', each a count byte
// (its value mod 4, so 0 occurs) followed by the word's bytes (any bytes: U+FFFD per ill-formed part).
// Properties: the merges re-apply consistently. Replaying them in order on the words (one symbol per
// code point; each merge joins every occurrence of its pair, left to right within a word):
//  * each merge's pair is, at that point, the most frequent adjacent pair (counted at every position,
//    weighted by word count), ties to the smaller left then right string, and its recorded count is
//    that frequency, at least 2;
//  * learning stops only at the requested number of merges or when no pair occurs twice;
//  * the recorded counts never increase (a merge can only lower the other pairs' counts).
#include <map>

#include "fuzz_check.h"
#include "text/bpe_trainer.h"

namespace {

using namespace embplay;

struct RefWord {
  std::vector<std::string> symbols;
  std::uint64_t count;
};

using Pair = std::pair<std::string, std::string>;

std::map<Pair, std::uint64_t> count_pairs(const std::vector<RefWord>& words) {
  std::map<Pair, std::uint64_t> counts;
  for (const RefWord& w : words)
    for (std::size_t i = 0; i + 1 < w.symbols.size(); ++i) counts[{w.symbols[i], w.symbols[i + 1]}] += w.count;
  return counts;
}

void apply(std::vector<RefWord>& words, const Pair& pair) {
  for (RefWord& w : words) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < w.symbols.size(); ++i) {
      if (i + 1 < w.symbols.size() && w.symbols[i] == pair.first && w.symbols[i + 1] == pair.second) {
        out.push_back(w.symbols[i] + w.symbols[i + 1]);
        ++i;
      } else {
        out.push_back(w.symbols[i]);
      }
    }
    w.symbols = std::move(out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const int n_merges = data[0];
  std::vector<WordCount> words;
  std::vector<RefWord> ref;
  const std::string_view rest = fuzz::as_text(data + 1, size - 1);
  for (std::size_t pos = 0; pos < rest.size();) {
    std::size_t end = rest.find('\n', pos);
    if (end == std::string_view::npos) end = rest.size();
    const std::string_view record = rest.substr(pos, end - pos);
    pos = end + 1;
    if (record.empty()) continue;
    const std::uint64_t count = static_cast<unsigned char>(record[0]) % 4;
    const std::string_view word = record.substr(1);
    words.push_back({std::string(word), count});
    RefWord r{{}, count};
    for (char32_t cp : fuzz::code_points(word)) {
      r.symbols.emplace_back();
      append_utf8(r.symbols.back(), cp);
    }
    ref.push_back(std::move(r));
  }

  const std::vector<BpeMerge> merges = learn_bpe(words, n_merges);
  FUZZ_CHECK(merges.size() <= static_cast<std::size_t>(n_merges));
  for (std::size_t k = 0;; ++k) {
    const auto counts = count_pairs(ref);
    const std::pair<const Pair, std::uint64_t>* best = nullptr;
    for (const auto& entry : counts)  // map order: left, then right; strictly greater keeps the first
      if (best == nullptr || entry.second > best->second) best = &entry;
    if (best == nullptr || best->second < 2 || k == static_cast<std::size_t>(n_merges)) {
      FUZZ_CHECK(merges.size() == k);
      break;
    }
    FUZZ_CHECK(k < merges.size());
    FUZZ_CHECK(merges[k].left == best->first.first && merges[k].right == best->first.second);
    FUZZ_CHECK(merges[k].count == best->second);
    if (k > 0) FUZZ_CHECK(merges[k].count <= merges[k - 1].count);
    apply(ref, best->first);
  }
  return 0;
}
