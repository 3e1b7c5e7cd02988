// embplay embed: text -> tokens -> ids -> rows of a seeded embedding table, as JSON lines.
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/stdout_buffer.h"
#include "transformer/embedding_table.h"
#include "text/tokenizer.h"
#include "text/vocabulary.h"

namespace embplay::cli {

namespace {

const char* kUsage =
    "usage: embplay embed [--mode word|char|bpe] [--lowercase] [--merges N] [--min-count N]\n"
    "                     [--max-vocab N] [--d-model D] [--seed S] [--input FILE]\n"
    "Tokenises UTF-8 text (stdin by default), builds the vocabulary ([UNK] = id 0) and a seeded\n"
    "vocab_size x d_model embedding table, and prints one JSON object per token:\n"
    "  {\"text\": ..., \"id\": ..., \"row\": [d_model numbers]}\n"
    "options:\n"
    "  --mode, --lowercase, --merges   as for 'embplay tokenize'\n"
    "  --min-count N    tokens seen fewer than N times map to [UNK] (default 1)\n"
    "  --max-vocab N    at most N vocabulary entries including [UNK] (default 0 = unlimited)\n"
    "  --d-model D      row length, 1..4096 (default 16)\n"
    "  --seed S         initialisation seed (default 1); the same seed gives the same rows in WASM\n"
    "  --input FILE     read FILE instead of stdin\n";

// Formatted rows kept for reuse: at most this many values (about 16 bytes each as text).
constexpr std::size_t kMaxCachedValues = std::size_t{16} << 20;

std::string format_row(const Eigen::Map<const RowVector>& row) {
  std::string out = "[";
  char buf[32];
  for (Eigen::Index j = 0; j < row.size(); ++j) {
    std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(row[j]));
    if (j) out += ", ";
    out += buf;
  }
  return out + "]";
}

}  // namespace

int run_embed(const Args& args) {
  ArgParser p("embed", kUsage);
  for (const char* o : {"mode", "merges", "min-count", "max-vocab", "d-model", "seed", "input"}) p.option(o);
  p.flag("lowercase");
  if (!p.parse(args)) return 0;

  TokenizerOptions options;
  options.mode = parse_tokenizer_mode(p.get("mode", "word"));
  options.lowercase = p.has("lowercase");
  options.merges = static_cast<int>(p.get_int("merges", 200, 0, kMaxMerges));
  const VocabularyOptions vocab_options{static_cast<std::uint64_t>(p.get_int("min-count", 1, 1, 1LL << 62)),
                                        static_cast<std::size_t>(p.get_int("max-vocab", 0, 0, 1LL << 40))};
  const auto d_model = static_cast<std::size_t>(p.get_int("d-model", 16, 1, static_cast<long long>(kMaxDModel)));
  const auto seed = static_cast<std::uint64_t>(p.get_int("seed", 1, 0, 4294967295LL));
  const std::string text = read_input(p.get("input", ""));

  const auto tokenizer = make_tokenizer(options, text);
  const TokenSequence tokens = tokenizer->encode(text);
  const Vocabulary vocab = Vocabulary::build(tokens, vocab_options);
  const EmbeddingTable table(vocab.size(), d_model, seed);
  const std::vector<std::int32_t> ids = vocab.encode(tokens);
  // A row is formatted once per id, not once per token (printf of floats dominates otherwise),
  // while the formatted rows stay below about 256 MB; bigger tables format every lines.
  const bool cache = vocab.size() * d_model <= kMaxCachedValues;
  std::vector<std::string> rows(cache ? vocab.size() : 0);
  std::string lines;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    lines += "{\"text\": ";
    append_json_token(lines, tokens, i);
    lines += ", \"id\": ";
    append_integer(lines, ids[i]);
    lines += ", \"row\": ";
    if (!cache) {
      lines += format_row(table.row(ids[i]));
    } else {
      std::string& row = rows[static_cast<std::size_t>(ids[i])];
      if (row.empty()) row = format_row(table.row(ids[i]));
      lines += row;
    }
    lines += "}\n";
    write_lines(lines);
  }
  write_lines(lines, 0);
  return 0;
}

}  // namespace embplay::cli
