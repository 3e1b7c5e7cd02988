// embplay neighbors: the words nearest to a word (cosine, or Euclidean distance) in a word2vec vector file.
#include <cstdio>
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
    "usage: embplay neighbors (--vectors FILE | --model MODEL.bin) --word WORD [-k 10]\n"
    "                         [--metric cosine|euclidean] [--format auto|text|binary]\n"
    "Prints the k words nearest to WORD, one 'word<TAB>score' per line: by default the highest cosine\n"
    "similarity first; with --metric euclidean the smallest Euclidean distance between the raw vectors first.\n"
    "options:\n"
    "  --vectors FILE   word2vec text or binary file (ours, gensim's, fastText's .vec)\n"
    "  --model FILE     a fastText .bin model (ours from 'train --subwords', or fastText's): any WORD\n"
    "                   works, one not in the vocabulary gets its vector from its n-grams\n"
    "  --word WORD      the query word (exact spelling)\n"
    "  -k N             how many neighbours, 1..100000 (default 10)\n"
    "  --metric M       cosine (default) or euclidean\n"
    "  --format F       auto (default: detected from the file), text or binary\n";

}  // namespace

int run_neighbors(const Args& args) {
  ArgParser p("neighbors", kUsage);
  p.option("vectors");
  p.option("model");
  p.option("word");
  p.option("k");
  p.option("format");
  p.option("metric");
  if (!p.parse(args)) return 0;
  const auto k = static_cast<std::size_t>(p.get_int("k", 10, 1, 100000));
  const Metric metric = parse_metric(p.get("metric", "cosine"));
  const std::string word = p.require("word");
  if (p.has("model") == p.has("vectors")) throw CliError("give one of --vectors FILE or --model MODEL.bin");
  if (p.has("model")) {
    if (p.has("format")) throw CliError("--format applies only to --vectors");
    const SubwordSpace space(std::make_shared<const SubwordModel>(load_model_file(p.require("model"))));
    note_unseen(space.model(), word, "neighbors");
    std::cout << format_neighbors(space.vectors(), space.neighbors(word, k, metric));
    return 0;
  }
  const WordVectors vectors = load_vector_file(p.require("vectors"), p.get("format", "auto"));
  const std::int32_t row = require_word(vectors, word);
  const VectorSearch search(vectors.vectors());
  std::cout << format_neighbors(vectors, search.neighbors(row, k, metric));
  return 0;
}

}  // namespace embplay::cli
