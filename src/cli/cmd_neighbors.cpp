// embplay neighbors: the words nearest to a word (cosine, or Euclidean distance) in a word2vec vector file,
// or the tokens nearest to a token among all rows of a pretrained model's embedding table (--weights).
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/pretrained_file.h"
#include "cli/vector_file.h"
#include "fasttext/subword_space.h"
#include "vectors/pretrained_embeddings.h"
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
    "  --format F       auto (default: detected from the file), text or binary\n"
    "\n"
    "       embplay neighbors --weights model.safetensors (--token TOKEN | --id N) [-k 10] [--vocab vocab.txt]\n"
    "Prints the k tokens nearest to TOKEN among all rows of the model's token embedding table, one\n"
    "'token<TAB>score' per line. GPT-2 tokens are written as in its vocabulary: 'Ġking' is \" king\"\n"
    "(with the space), a different row from 'king'. BERT tokens as in vocab.txt ('##ing').\n"
    "  --token T        the query token, exactly as the vocabulary writes it\n"
    "  --id N           the query token's id instead\n";

std::string full_usage() { return std::string(kUsage) + kPretrainedOptionsUsage; }

int run_pretrained_neighbors(const ArgParser& p, std::size_t k, Metric metric) {
  if (p.has("token") == p.has("id")) throw CliError("pass one of --token TOKEN or --id N");
  PretrainedModel m = load_pretrained(p);
  const bool gpt2 = m.gpt2 != nullptr;
  const PretrainedEmbeddings e(std::move(m.token_names), PretrainedTables{std::move(m.tokens), std::move(m.positions)});
  std::string token;
  if (p.has("id")) {
    token = e.tokens().word(static_cast<std::size_t>(p.get_int("id", 0, 0, static_cast<long long>(e.vocab_size()) - 1)));
  } else {
    token = p.require("token");
    if (e.tokens().index_of(token) < 0)
      throw CliError("'" + token + "' is not a token of this model" + (gpt2 ? " (GPT-2 writes a leading space as 'Ġ': 'Ġking')" : ""));
  }
  std::cout << format_neighbors(e.tokens(), e.space().neighbors(token, k, metric));
  return 0;
}

}  // namespace

int run_neighbors(const Args& args) {
  const std::string usage = full_usage();
  ArgParser p("neighbors", usage);
  declare_pretrained_options(p);
  p.option("token");
  p.option("id");
  p.option("vectors");
  p.option("model");
  p.option("word");
  p.option("k");
  p.option("format");
  p.option("metric");
  if (!p.parse(args)) return 0;
  const auto k = static_cast<std::size_t>(p.get_int("k", 10, 1, 100000));
  const Metric metric = parse_metric(p.get("metric", "cosine"));
  if (p.has("weights")) {
    if (p.has("vectors") || p.has("word")) throw CliError("--weights replaces --vectors and --word (use --token)");
    return run_pretrained_neighbors(p, k, metric);
  }
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
