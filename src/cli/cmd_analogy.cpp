// embplay analogy: A is to B as C is to ?, by 3CosAdd (word2vec's convention).
#include <iostream>
#include <memory>
#include <string>

#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/vector_file.h"
#include "fasttext/subword_space.h"
#include "vectors/vector_search.h"

namespace embplay::cli {

namespace {

const char* kUsage =
    "usage: embplay analogy (--vectors FILE | --model MODEL.bin) A B C [-k 10] [--restrict N]\n"
    "                       [--format auto|text|binary]\n"
    "Prints the words nearest (cosine) to B - A + C over unit vectors, excluding A, B and C, one\n"
    "'word<TAB>cosine' per line: 'man king woman' -> queen (word2vec's and gensim's convention).\n"
    "options:\n"
    "  --vectors FILE   word2vec text or binary file\n"
    "  --model FILE     a fastText .bin model: A, B and C may be words it never saw (built from n-grams)\n"
    "  -k N             how many answers, 1..100000 (default 10)\n"
    "  --restrict N     search only the first N words of the file (its most frequent; default all)\n"
    "  --format F       auto (default), text or binary\n";

// unit(B) - unit(A) + unit(C) from the model's vectors (unseen words from their n-grams),
// searched over its vocabulary, A, B and C left out.
int model_analogy(const ArgParser& p, std::size_t k) {
  if (p.has("format")) throw CliError("--format applies only to --vectors");
  if (p.has("restrict")) throw CliError("--restrict applies only to --vectors");
  const SubwordSpace space(std::make_shared<const SubwordModel>(load_model_file(p.require("model"))));
  const auto& w = p.positional();
  for (const auto& word : w) note_unseen(space.model(), word, "analogy");
  std::cout << format_neighbors(space.vectors(), space.analogy(w[0], w[1], w[2], k));
  return 0;
}

}  // namespace

int run_analogy(const Args& args) {
  ArgParser p("analogy", kUsage);
  p.option("vectors");
  p.option("model");
  p.option("k");
  p.option("restrict");
  p.option("format");
  p.positionals(3, 3);
  if (!p.parse(args)) return 0;
  const auto k = static_cast<std::size_t>(p.get_int("k", 10, 1, 100000));
  const auto restrict = static_cast<std::size_t>(p.get_int("restrict", 0, 0, 1LL << 40));
  if (p.has("model") == p.has("vectors")) throw CliError("give one of --vectors FILE or --model MODEL.bin");
  if (p.has("model")) return model_analogy(p, k);
  const WordVectors vectors = load_vector_file(p.require("vectors"), p.get("format", "auto"));
  const VectorSearch search(vectors.vectors(), restrict);
  std::int32_t ids[3];
  for (int i = 0; i < 3; ++i) {
    ids[i] = require_word(vectors, p.positional()[static_cast<std::size_t>(i)]);
    if (static_cast<std::size_t>(ids[i]) >= search.rows()) {
      throw CliError("'" + p.positional()[static_cast<std::size_t>(i)] + "' is not among the first " +
                     std::to_string(search.rows()) + " words (--restrict)");
    }
  }
  std::cout << format_neighbors(vectors, search.analogy(ids[0], ids[1], ids[2], k));
  return 0;
}

}  // namespace embplay::cli
