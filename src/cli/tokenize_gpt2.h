// `embplay tokenize --mode gpt2`: GPT-2's real token ids (r50k_base, as tiktoken gives them).
#pragma once

#include <string>

#include "cli/arg_parser.h"

namespace embplay::cli {

// The ranks file used when --ranks is not given: the asset the build converts
// (src/gpt2/gpt2_ranks.cmake), or "" if this binary was built without it.
std::string default_gpt2_ranks_path();

// The bytes of the ranks file at `path`; throws CliError when there is none or it cannot be read.
std::string read_gpt2_ranks(const std::string& path);

// Tokenises `text` with GPT-2's tokenizer and prints the JSON lines of `embplay tokenize`
// ({"text": "Ġworld", "start": .., "end": .., "id": ..} with --ids). Reads the options
// --ranks FILE and --ids from `p`; throws CliError for options that do not apply to gpt2.
int run_tokenize_gpt2(const ArgParser& p, const std::string& text);

}  // namespace embplay::cli
