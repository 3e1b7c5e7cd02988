// See arg_parser.h.
#include "cli/arg_parser.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <charconv>
#include <functional>
#include <iostream>
#include <iterator>
#include <sstream>
#include <vector>

namespace embplay::cli {

ArgParser::ArgParser(std::string command, std::string usage)
    : command_(std::move(command)), usage_(std::move(usage)) {}

void ArgParser::flag(const std::string& name) { takes_value_[name] = false; }
void ArgParser::option(const std::string& name) { takes_value_[name] = true; }
void ArgParser::positionals(std::size_t min, std::size_t max) {
  min_positional_ = min;
  max_positional_ = max;
}

bool ArgParser::parse(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << usage_;
      return false;
    }
    if (arg.size() < 2 || arg[0] != '-' || arg == "-") {
      positional_.push_back(arg);
      continue;
    }
    std::string name = arg.substr(arg[1] == '-' ? 2 : 1);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    auto it = takes_value_.find(name);
    if (it == takes_value_.end()) throw CliError("unknown option '" + arg + "' for '" + command_ + "' (see --help)");
    if (!it->second) {
      if (inline_value) throw CliError("option --" + name + " takes no value");
      values_[name] = "1";
    } else if (inline_value) {
      values_[name] = *inline_value;
    } else {
      if (i + 1 >= args.size()) throw CliError("option --" + name + " needs a value");
      values_[name] = args[++i];
    }
  }
  if (positional_.size() < min_positional_ || positional_.size() > max_positional_) {
    throw CliError("'" + command_ + "' takes " +
                   (min_positional_ == max_positional_ ? std::to_string(min_positional_)
                                                       : std::to_string(min_positional_) + " to " + std::to_string(max_positional_)) +
                   " positional argument(s), got " + std::to_string(positional_.size()) + " (see --help)");
  }
  return true;
}

bool ArgParser::has(const std::string& name) const { return values_.count(name) != 0; }

std::string ArgParser::get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

std::string ArgParser::require(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw CliError("'" + command_ + "' needs --" + name + " (see --help)");
  return it->second;
}

long long ArgParser::get_int(const std::string& name, long long fallback, long long min, long long max) const {
  auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  const char* s = it->second.c_str();
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(s, &end, 10);
  if (end == s || *end != '\0' || errno == ERANGE) throw CliError("--" + name + " must be an integer, got '" + it->second + "'");
  if (v < min || v > max) {
    throw CliError("--" + name + " must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + it->second);
  }
  return v;
}

double ArgParser::get_double(const std::string& name, double fallback) const {
  auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  const char* s = it->second.c_str();
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(s, &end);
  if (end == s || *end != '\0') throw CliError("--" + name + " must be a number, got '" + it->second + "'");
  return v;
}

namespace {

// The whole stream in 64 KiB blocks (a character at a time through a stream buffer costs seconds
// per few MB in the WASM build); false on a read error.
bool read_all(std::FILE* file, std::string& data) {
  std::vector<char> block(std::size_t{1} << 16);
  std::size_t n = 0;
  while ((n = std::fread(block.data(), 1, block.size(), file)) > 0) data.append(block.data(), n);
  return std::ferror(file) == 0;
}

}  // namespace

std::string read_input(const std::string& path) {
  std::string data;
  if (path.empty() || path == "-") {
    if (!read_all(stdin, data)) throw CliError("cannot read standard input");
    return data;
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) throw CliError("cannot open input file '" + path + "'");
  const bool ok = read_all(file, data);
  std::fclose(file);
  if (!ok) throw CliError("cannot read input file '" + path + "'");
  return data;
}

void write_output_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const std::string tmp = path + ".tmp-embplay";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw CliError("cannot write output file '" + path + "'");
    write(out);
    out.flush();
    if (!out) {
      out.close();
      std::remove(tmp.c_str());
      throw CliError("cannot write output file '" + path + "'");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw CliError("cannot write output file '" + path + "'");
  }
}

void write_output_atomically(const std::string& path, const std::string& bytes) {
  write_output_atomically(path, [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
}

std::string json_string(const std::string& text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

void append_integer(std::string& out, long long n) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out.append(buf, end);
}

namespace {

void append_json_escaped(std::string& out, std::string_view text) {
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  append_json_escaped(out, text);
  out += '"';
}

void append_json_token(std::string& out, const TokenSequence& tokens, std::size_t i) {
  out += tokens.continues_word(i) ? "\"##" : "\"";
  append_json_escaped(out, tokens.text(i));
  out += '"';
}

}  // namespace embplay::cli
