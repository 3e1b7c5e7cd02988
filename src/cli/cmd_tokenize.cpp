// embplay tokenize: text -> one JSON object per token per line, with byte spans.
#include <iostream>
#include <stdexcept>
#include <string>

#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/stdout_buffer.h"
#include "cli/tokenize_gpt2.h"
#include "text/tokenizer.h"
#include "text/vocabulary.h"

namespace embplay::cli {

namespace {

const char* kUsage =
    "usage: embplay tokenize [--mode word|char|bpe|gpt2] [--lowercase] [--whitespace] [--merges N]\n"
    "                        [--ids] [--min-count N] [--ranks FILE] [--input FILE]\n"
    "Reads UTF-8 text (stdin by default) and prints one JSON object per token per line:\n"
    "  {\"text\": display text, \"start\": byte offset, \"end\": byte offset}\n"
    "options:\n"
    "  --mode MODE      word (default), char, bpe (merges learned from the input itself), or gpt2\n"
    "                   (GPT-2's byte-level BPE, r50k_base: the ids tiktoken gives; text is the\n"
    "                   token as GPT-2's vocabulary writes it, e.g. \"\xC4\xA0world\")\n"
    "  --lowercase      Unicode simple lowercasing before tokenising\n"
    "  --whitespace     char mode: emit whitespace characters as tokens\n"
    "  --merges N       bpe: number of merges to learn, 0..100000 (default 200)\n"
    "  --ids            add \"id\": the token's id in the vocabulary built from the input ([UNK] = 0);\n"
    "                   gpt2: the token's id in GPT-2's vocabulary (0..50256)\n"
    "  --min-count N    with --ids: tokens seen fewer than N times map to [UNK] (default 1)\n"
    "  --ranks FILE     gpt2: the ranks asset (default: the one the build converted from js-tiktoken)\n"
    "  --input FILE     read FILE instead of stdin\n"
    "Invalid UTF-8 is read as U+FFFD; the count is reported on stderr.\n";

}  // namespace

int run_tokenize(const Args& args) {
  ArgParser p("tokenize", kUsage);
  p.option("mode");
  p.flag("lowercase");
  p.flag("whitespace");
  p.option("merges");
  p.flag("ids");
  p.option("min-count");
  p.option("input");
  p.option("ranks");
  if (!p.parse(args)) return 0;
  if (p.get("mode", "word") == "gpt2") return run_tokenize_gpt2(p, read_input(p.get("input", "")));

  TokenizerOptions options;
  const std::string mode = p.get("mode", "word");
  if (mode != "word" && mode != "char" && mode != "bpe") {
    throw std::invalid_argument("unknown tokenizer mode '" + mode + "' (valid modes: word, char, bpe, gpt2)");
  }
  options.mode = parse_tokenizer_mode(mode);
  options.lowercase = p.has("lowercase");
  options.keep_whitespace = p.has("whitespace");
  options.merges = static_cast<int>(p.get_int("merges", 200, 0, kMaxMerges));
  const auto min_count = static_cast<std::uint64_t>(p.get_int("min-count", 1, 1, 1LL << 62));
  const std::string text = read_input(p.get("input", ""));

  const auto tokenizer = make_tokenizer(options, text);
  const TokenSequence tokens = tokenizer->encode(text);
  std::vector<std::int32_t> ids;
  if (p.has("ids")) ids = Vocabulary::build(tokens, {min_count, 0}).encode(tokens);

  std::string lines;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    lines += "{\"text\": ";
    append_json_token(lines, tokens, i);
    lines += ", \"start\": ";
    append_integer(lines, static_cast<long long>(tokens.start(i)));
    lines += ", \"end\": ";
    append_integer(lines, static_cast<long long>(tokens.end(i)));
    if (!ids.empty()) {
      lines += ", \"id\": ";
      append_integer(lines, ids[i]);
    }
    lines += "}\n";
    write_lines(lines);
  }
  write_lines(lines, 0);
  if (tokens.invalid_utf8() > 0) {
    std::cerr << "embplay tokenize: " << tokens.invalid_utf8() << " invalid UTF-8 sequence(s) read as U+FFFD\n";
  }
  return 0;
}

}  // namespace embplay::cli
