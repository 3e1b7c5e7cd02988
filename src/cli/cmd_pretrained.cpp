// embplay pretrained: what a model's safetensors file holds (tensors, dtypes, shapes), and which
// tables the other --weights commands would use. Reads only the header.
#include <iostream>
#include <string>

#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/pretrained_file.h"

namespace embplay::cli {

namespace {

std::string usage() {
  return std::string(
             "usage: embplay pretrained --weights FILE --list [--token-table NAME [--position-table NAME]]\n"
             "Lists the tensors of a safetensors file, one 'name<TAB>dtype<TAB>[shape]' per line in file order,\n"
             "then '# layout: gpt2|bert|other', the token and position tables found, and __metadata__.\n"
             "Only the header is read; the header is validated completely (offsets, sizes, dtypes).\n"
             "options:\n  --list                 list the tensors (the default)\n") +
         kPretrainedOptionsUsage;
}

}  // namespace

int run_pretrained(const Args& args) {
  const std::string text = usage();
  ArgParser p("pretrained", text);
  declare_pretrained_options(p);
  p.flag("list");
  if (!p.parse(args)) return 0;
  const SafetensorsHeader header = read_safetensors_header_file(p.require("weights"));
  const PretrainedLayout layout = layout_of(p, header);
  std::string out;
  for (const auto& t : header.tensors) out += t.name + "\t" + t.dtype + "\t" + t.shape_text() + "\n";
  out += std::string("# layout: ") + pretrained_kind_name(layout.kind) + "\n";
  if (!layout.token_table.empty()) out += "# token table: " + layout.token_table + " " + header.require(layout.token_table).shape_text() + "\n";
  if (!layout.position_table.empty())
    out += "# position table: " + layout.position_table + " " + header.require(layout.position_table).shape_text() + "\n";
  for (const auto& [key, value] : header.metadata) out += "# metadata: " + key + " = " + value + "\n";
  std::cout << out;
  return 0;
}

}  // namespace embplay::cli
