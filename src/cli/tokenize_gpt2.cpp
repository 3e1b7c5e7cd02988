// See tokenize_gpt2.h.
#include "cli/tokenize_gpt2.h"

#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/stdout_buffer.h"
#include "gpt2/gpt2_bpe.h"

namespace embplay::cli {

std::string read_gpt2_ranks(const std::string& path) {
  if (path.empty()) throw CliError("no GPT-2 ranks file: pass --ranks FILE (the build writes build/assets/gpt2-ranks.bin)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CliError("cannot open GPT-2 ranks file '" + path + "' (run web/build.sh, or pass --ranks FILE)");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string default_gpt2_ranks_path() {
#ifdef EMBPLAY_GPT2_RANKS_DEFAULT
  return EMBPLAY_GPT2_RANKS_DEFAULT;
#else
  return "";
#endif
}

int run_tokenize_gpt2(const ArgParser& p, const std::string& text) {
  for (const char* other : {"lowercase", "whitespace", "merges", "min-count"}) {
    if (p.has(other)) throw CliError(std::string("--") + other + " does not apply to --mode gpt2");
  }
  const Gpt2Bpe bpe(read_gpt2_ranks(p.get("ranks", default_gpt2_ranks_path())));
  const Gpt2Encoding encoding = bpe.encode(text);
  const TokenSequence& tokens = encoding.tokens;
  const bool with_ids = p.has("ids");
  std::string lines;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    lines += "{\"text\": ";
    append_json_string(lines, tokens.text(i));
    lines += ", \"start\": ";
    append_integer(lines, static_cast<long long>(tokens.start(i)));
    lines += ", \"end\": ";
    append_integer(lines, static_cast<long long>(tokens.end(i)));
    if (with_ids) {
      lines += ", \"id\": ";
      append_integer(lines, encoding.ids[i]);
    }
    lines += "}\n";
    write_lines(lines);
  }
  write_lines(lines, 0);
  if (tokens.invalid_utf8() > 0) {
    std::cerr << "embplay tokenize: " << tokens.invalid_utf8()
              << " invalid UTF-8 sequence(s) encoded as U+FFFD (as tiktoken would after decoding)\n";
  }
  return 0;
}

}  // namespace embplay::cli
