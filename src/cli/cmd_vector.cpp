// embplay vector: words' vectors from a fastText .bin model, printed as fastText's
// print-word-vectors prints them ("word v1 ... vd " per line, 5 significant digits).
#include <iostream>
#include <sstream>
#include <string>

#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/vector_file.h"
#include "fasttext/fasttext_format.h"

namespace embplay::cli {

namespace {

const char* kUsage =
    "usage: embplay vector --model MODEL.bin [--digits 5] [WORD...]\n"
    "Prints each WORD's vector, one 'word v1 ... vd ' line per word, as 'fasttext print-word-vectors'\n"
    "does; without WORDs, reads whitespace-separated words from stdin. A word not in the vocabulary\n"
    "gets its vector from its n-grams (noted on stderr).\n"
    "options:\n"
    "  --model FILE     a fastText .bin model (ours from 'train --subwords', or fastText's)\n"
    "  --digits N       significant digits, 1..9 (default 5, as fastText; 9 round-trips a float)\n";

}  // namespace

int run_vector(const Args& args) {
  ArgParser p("vector", kUsage);
  p.option("model");
  p.option("digits");
  p.positionals(0, 1u << 20);
  if (!p.parse(args)) return 0;
  const int digits = static_cast<int>(p.get_int("digits", 5, 1, 9));
  const SubwordModel model = load_model_file(p.require("model"));
  std::vector<std::string> words = p.positional();
  if (words.empty()) {
    std::istringstream in(read_input("-"));
    for (std::string w; in >> w;) words.push_back(w);
  }
  for (const auto& word : words) {
    note_unseen(model, word, "vector");
    std::cout << fasttext_vector_line(word, model.vector(word), digits);
  }
  return 0;
}

}  // namespace embplay::cli
