// embplay: the command-line face of the core, natively and as WASM under Node
// (build-wasm/embplay.js). `embplay COMMAND --help` describes each command.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/stdout_buffer.h"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const embplay::cli::Args&);
};

const Command kCommands[] = {
    {"tokenize", "split text into tokens (word, char, bpe); JSON lines with byte spans", embplay::cli::run_tokenize},
    {"train", "word2vec CBOW or skip-gram (or fastText subwords) on a text file -> vectors file or .bin", embplay::cli::run_train},
    {"neighbors", "nearest words (cosine) in a word2vec vectors file or fastText .bin model", embplay::cli::run_neighbors},
    {"analogy", "A is to B as C is to ? (B - A + C, 3CosAdd) in a vectors file or .bin model", embplay::cli::run_analogy},
    {"vector", "words' vectors from a fastText .bin model, as fasttext print-word-vectors", embplay::cli::run_vector},
    {"evaluate", "WordSim353 Spearman and analogy accuracy of a word2vec vectors file", embplay::cli::run_evaluate},
    {"embed", "tokens -> ids -> rows of a seeded embedding table; JSON lines", embplay::cli::run_embed},
    {"pretrained", "the tensors of a model's safetensors file (GPT-2, BERT): names, dtypes, shapes", embplay::cli::run_pretrained},
    {"lookup", "text -> a pretrained model's token ids -> its real embedding rows; JSON lines", embplay::cli::run_lookup},
    {"pe", "sinusoidal positional encoding table: one line per position, tab-separated", embplay::cli::run_pe},
    {"attention", "self-attention weights (or scores) of a text's model input, per head, as TSV", embplay::cli::run_attention},
};

void print_usage(std::ostream& out) {
  out << "usage: embplay COMMAND [options]\n\ncommands:\n";
  for (const auto& c : kCommands) out << "  " << c.name << std::string(12 - std::string(c.name).size(), ' ') << c.summary << "\n";
  out << "\n'embplay COMMAND --help' shows a command's options.\n";
}

// An exception escaping main (none should) still flushes what was written before terminating.
[[noreturn]] void flush_and_abort() {
  std::cout.flush();
  std::fflush(stdout);
  std::fputs("embplay: internal error\n", stderr);
  std::abort();
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::set_terminate(flush_and_abort);
  const embplay::cli::BufferedStdout buffered;  // output in 1 MiB writes (src/cli/stdout_buffer.h)
  if (argc < 2) {
    print_usage(std::cerr);
    return 2;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(std::cout);
    return 0;
  }
  for (const auto& c : kCommands) {
    if (name != c.name) continue;
    try {
      int code = c.run(embplay::cli::Args(argv + 2, argv + argc));
      std::cout.flush();
      return code;
    } catch (const std::exception& e) {
      std::cout.flush();  // what was written before the failure comes out before the error line
      std::cerr << "embplay " << name << ": " << e.what() << "\n";
      return 2;
    }
  }
  std::cerr << "embplay: unknown command '" << name << "' (try 'embplay --help')\n";
  return 2;
}
