// embplay evaluate: WordSim353 Spearman and Google-analogy accuracy of a word2vec file,
// computed like gensim's evaluate_word_pairs / evaluate_word_analogies.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/vector_file.h"
#include "vectors/word_vector_evaluation.h"

namespace embplay::cli {

namespace {

const char* kUsage =
    "usage: embplay evaluate --vectors FILE [--wordsim FILE] [--analogies FILE] [--restrict 30000]\n"
    "Prints one JSON object: the Spearman correlation on a word-pair file (e.g. wordsim353.tsv:\n"
    "'word1<TAB>word2<TAB>score') and the 3CosAdd accuracy on an analogy file (questions-words.txt),\n"
    "case-insensitive, like gensim (pairs among the first 300000 words, analogies among --restrict).\n"
    "options:\n"
    "  --vectors FILE     word2vec text or binary file\n"
    "  --wordsim FILE     word pairs with human similarity scores\n"
    "  --analogies FILE   analogy questions (': section' headers, 'a b c d' lines)\n"
    "  --restrict N       analogies: search among the first N words only (default 30000; 0 = all)\n"
    "  --format F         auto (default), text or binary\n";

std::string number(double x) {
  if (std::isnan(x)) return "null";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", x);
  return buf;
}

}  // namespace

int run_evaluate(const Args& args) {
  ArgParser p("evaluate", kUsage);
  p.option("vectors");
  p.option("wordsim");
  p.option("analogies");
  p.option("restrict");
  p.option("format");
  if (!p.parse(args)) return 0;
  if (!p.has("wordsim") && !p.has("analogies")) throw CliError("give --wordsim FILE and/or --analogies FILE (see --help)");
  const auto restrict = static_cast<std::size_t>(p.get_int("restrict", 30000, 0, 1LL << 40));
  const WordVectors vectors = load_vector_file(p.require("vectors"), p.get("format", "auto"));
  std::string out = "{";
  if (p.has("wordsim")) {
    const WordPairScore s = evaluate_word_pairs(vectors, read_input(p.get("wordsim", "")));
    out += "\"wordsim_spearman\": " + number(s.spearman) + ", \"wordsim_pairs_used\": " + std::to_string(s.pairs_used) +
           ", \"wordsim_pairs\": " + std::to_string(s.pairs_total);
  }
  if (p.has("analogies")) {
    const AnalogyScore s = evaluate_analogies(vectors, read_input(p.get("analogies", "")), restrict);
    if (out.size() > 1) out += ", ";
    out += "\"analogy_accuracy\": " + number(s.accuracy) + ", \"analogy_correct\": " + std::to_string(s.correct) +
           ", \"analogy_answered\": " + std::to_string(s.answered) + ", \"analogy_questions\": " + std::to_string(s.total);
  }
  std::cout << out << "}\n";
  return 0;
}

}  // namespace embplay::cli
