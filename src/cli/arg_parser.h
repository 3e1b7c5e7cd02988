// A small flag parser for the embplay commands: `--name value`, `--name=value`,
// boolean `--flag`, positional arguments, and `--help`. Unknown flags, missing values
// and malformed numbers throw CliError with a one-line reason.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "text/token_sequence.h"

namespace embplay::cli {

struct CliError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class ArgParser {
 public:
  // `usage` is printed for --help: the command line and one line per option.
  ArgParser(std::string command, std::string usage);

  // Declare what the command accepts before calling parse().
  void flag(const std::string& name);                  // --name (boolean)
  void option(const std::string& name);                // --name VALUE
  void positionals(std::size_t min, std::size_t max);  // bare arguments

  // Returns false when --help was given (usage already printed to stdout).
  bool parse(const std::vector<std::string>& args);

  bool has(const std::string& name) const;
  std::string get(const std::string& name, const std::string& fallback) const;
  std::string require(const std::string& name) const;
  long long get_int(const std::string& name, long long fallback, long long min, long long max) const;
  double get_double(const std::string& name, double fallback) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::string command_;
  std::string usage_;
  std::map<std::string, bool> takes_value_;
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
  std::size_t min_positional_ = 0;
  std::size_t max_positional_ = 0;
};

// Reads a whole file (or stdin for "" or "-"); throws CliError if it cannot.
std::string read_input(const std::string& path);

// Writes `text` to `path` atomically (temporary file, then rename); throws CliError.
void write_output_atomically(const std::string& path, const std::string& bytes);
// The same, with `write` streaming the bytes (no copy of a large file in memory).
void write_output_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

// JSON string literal for `text` (already valid UTF-8), with quotes.
std::string json_string(const std::string& text);

// The same, appended to `out` (no temporary strings: the CLI writes millions of lines).
void append_json_string(std::string& out, std::string_view text);

// A token's text as people see it ("##piece" for a piece continuing a word, as
// TokenSequence::display_text shows it), as a JSON string appended to `out`.
void append_json_token(std::string& out, const TokenSequence& tokens, std::size_t i);

// The decimal digits of `n`, appended to `out`.
void append_integer(std::string& out, long long n);

}  // namespace embplay::cli
