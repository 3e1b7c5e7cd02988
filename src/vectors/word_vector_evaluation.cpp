// See word_vector_evaluation.h.
#include "vectors/word_vector_evaluation.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "vectors/vector_search.h"

namespace embplay {

namespace {

std::string upper(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Uppercased word -> row, among the first `restrict` rows; the earliest row wins.
std::unordered_map<std::string, std::int32_t> case_insensitive_index(const WordVectors& v, std::size_t restrict) {
  const std::size_t n = restrict == 0 ? v.size() : std::min(restrict, v.size());
  std::unordered_map<std::string, std::int32_t> index;
  for (std::size_t r = 0; r < n; ++r) index.emplace(upper(v.word(r)), static_cast<std::int32_t>(r));
  return index;
}

std::vector<std::string_view> fields_of(std::string_view line, bool tabs_only) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  auto sep = [&](char c) { return c == '\t' || (!tabs_only && (c == ' ' || c == '\r')); };
  while (i <= line.size()) {
    std::size_t j = i;
    while (j < line.size() && !sep(line[j])) ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::vector<double> ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
    const double avg = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (std::size_t k = i; k <= j; ++k) r[order[k]] = avg;
    i = j + 1;
  }
  return r;
}

template <class F>
void for_each_line(std::string_view text, F f) {
  std::size_t pos = 0, number = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(line, ++number);
    pos = eol + 1;
  }
}

}  // namespace

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size()) throw std::invalid_argument("spearman: the two samples differ in length");
  if (x.size() < 2) return std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> rx = ranks(x), ry = ranks(y);
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(rx.begin(), rx.end(), 0.0) / n;
  const double my = std::accumulate(ry.begin(), ry.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < rx.size(); ++i) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) * (rx[i] - mx);
    syy += (ry[i] - my) * (ry[i] - my);
  }
  if (sxx == 0 || syy == 0) return std::numeric_limits<double>::quiet_NaN();
  return sxy / std::sqrt(sxx * syy);
}

WordPairScore evaluate_word_pairs(const WordVectors& vectors, std::string_view tsv, std::size_t restrict) {
  const auto index = case_insensitive_index(vectors, restrict);
  const VectorSearch search(vectors.vectors(), restrict);
  std::vector<double> model, human;
  WordPairScore score{0, 0, 0};
  for_each_line(tsv, [&](std::string_view line, std::size_t number) {
    if (line.empty() || line[0] == '#') return;
    const auto f = fields_of(line, true);
    if (f.size() != 3) throw std::invalid_argument("word pairs: line " + std::to_string(number) + " is not 'word1<TAB>word2<TAB>score'");
    char* end = nullptr;
    const std::string number_text(f[2]);
    const double human_score = std::strtod(number_text.c_str(), &end);
    if (end == number_text.c_str()) throw std::invalid_argument("word pairs: line " + std::to_string(number) + " has no score");
    ++score.pairs_total;
    auto a = index.find(upper(f[0])), b = index.find(upper(f[1]));
    if (a == index.end() || b == index.end()) return;
    model.push_back(search.unit_rows().row(a->second).dot(search.unit_rows().row(b->second)));
    human.push_back(human_score);
  });
  score.pairs_used = model.size();
  score.spearman = spearman(model, human);
  return score;
}

AnalogyScore evaluate_analogies(const WordVectors& vectors, std::string_view questions, std::size_t restrict) {
  const auto index = case_insensitive_index(vectors, restrict);
  std::vector<std::int32_t> a, b, c, expected;
  AnalogyScore score{0, 0, 0, 0};
  for_each_line(questions, [&](std::string_view line, std::size_t number) {
    if (line.empty() || line[0] == ':') return;
    const auto f = fields_of(line, false);
    if (f.size() != 4) throw std::invalid_argument("analogies: line " + std::to_string(number) + " does not have four words");
    ++score.total;
    std::int32_t ids[4];
    for (int k = 0; k < 4; ++k) {
      auto it = index.find(upper(f[static_cast<std::size_t>(k)]));
      if (it == index.end()) return;
      ids[k] = it->second;
    }
    a.push_back(ids[0]);
    b.push_back(ids[1]);
    c.push_back(ids[2]);
    expected.push_back(ids[3]);
  });
  score.answered = a.size();
  if (!a.empty()) {
    const VectorSearch search(vectors.vectors(), restrict);
    const auto best = search.best_analogies(a, b, c);
    for (std::size_t i = 0; i < best.size(); ++i) score.correct += best[i] == expected[i];
  }
  score.accuracy = score.answered ? static_cast<double>(score.correct) / static_cast<double>(score.answered)
                                  : std::numeric_limits<double>::quiet_NaN();
  return score;
}

}  // namespace embplay
