// embplay lookup: text -> a pretrained model's real token ids -> their rows of its embedding
// table (one_hot(id) x W_E = row id), with each row's norm.
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/pretrained_file.h"

namespace embplay::cli {

namespace {

std::string usage() {
  return std::string(
             "usage: embplay lookup --weights FILE [--vocab vocab.txt] [--values N] [--input FILE]\n"
             "Tokenises UTF-8 text (stdin by default) with the model's tokenizer (GPT-2's BPE, or WordPiece\n"
             "with BERT's vocab.txt) and prints one JSON object per token:\n"
             "  {\"text\": \"\\u0120king\", \"id\": 5822, \"start\": 0, \"end\": 5, \"norm\": |row|, \"row\": [first N values]}\n"
             "options:\n"
             "  --values N             how many values of each row to print, 0..4096 (default 8)\n"
             "  --input FILE           read FILE instead of stdin\n") +
         kPretrainedOptionsUsage;
}

std::string format_values(const float* row, long n) {
  std::string out = "[";
  char buf[32];
  for (long j = 0; j < n; ++j) {
    std::snprintf(buf, sizeof buf, "%s%.9g", j ? ", " : "", static_cast<double>(row[j]));
    out += buf;
  }
  return out + "]";
}

}  // namespace

int run_lookup(const Args& args) {
  const std::string text_usage = usage();
  ArgParser p("lookup", text_usage);
  declare_pretrained_options(p);
  p.option("values");
  p.option("input");
  if (!p.parse(args)) return 0;
  const long values = static_cast<long>(p.get_int("values", 8, 0, 4096));
  const std::string text = read_input(p.get("input", ""));
  const PretrainedModel m = load_pretrained(p);
  std::vector<std::int32_t> ids;
  TokenSequence tokens;
  m.encode(text, ids, tokens);
  const long shown = std::min<long>(values, static_cast<long>(m.tokens.cols()));
  std::string out;
  char norm[32];
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const float* row = m.tokens.data() + static_cast<std::ptrdiff_t>(ids[i]) * m.tokens.cols();
    std::snprintf(norm, sizeof norm, "%.6f", static_cast<double>(m.tokens.row(ids[i]).norm()));
    out += "{\"text\": " + json_string(tokens.display_text(i)) + ", \"id\": " + std::to_string(ids[i]) +
           ", \"start\": " + std::to_string(tokens.start(i)) + ", \"end\": " + std::to_string(tokens.end(i)) +
           ", \"norm\": " + norm + ", \"row\": " + format_values(row, shown) + "}\n";
  }
  std::cout << out;
  return 0;
}

}  // namespace embplay::cli
