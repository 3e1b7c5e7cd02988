// The embplay subcommands. Each lives in its own cmd_*.cpp and is listed in main.cpp.
// A command returns the process exit code; it throws CliError (or std::exception) for
// bad input, which main() turns into a one-line "embplay: reason" and exit code 2.
#pragma once

#include <string>
#include <vector>

namespace embplay::cli {

using Args = std::vector<std::string>;

int run_tokenize(const Args& args);
int run_train(const Args& args);
int run_neighbors(const Args& args);
int run_analogy(const Args& args);
int run_vector(const Args& args);
int run_evaluate(const Args& args);
int run_embed(const Args& args);
int run_pe(const Args& args);
int run_attention(const Args& args);
int run_pretrained(const Args& args);
int run_lookup(const Args& args);

}  // namespace embplay::cli
