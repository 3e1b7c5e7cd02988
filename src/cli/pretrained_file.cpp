// See pretrained_file.h.
#include "cli/pretrained_file.h"

#include <fstream>

#include "cli/tokenize_gpt2.h"
#include "formats/pretrained_loader.h"

namespace embplay::cli {

namespace {

constexpr std::size_t kSliceBytes = 8u << 20;

std::ifstream open_weights(const std::string& path, std::uint64_t& size) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw CliError("cannot open weights file '" + path + "'");
  size = static_cast<std::uint64_t>(in.tellg());
  in.seekg(0);
  return in;
}

std::string read_range(std::ifstream& in, const std::string& path, std::uint64_t begin, std::size_t n) {
  std::string bytes(n, '\0');
  in.seekg(static_cast<std::streamoff>(begin));
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  if (static_cast<std::size_t>(in.gcount()) != n) throw CliError("cannot read weights file '" + path + "'");
  return bytes;
}

std::string matrix_list(const SafetensorsHeader& header) {
  std::string out;
  for (const SafetensorsTensor* t : matrix_tensors(header)) out += (out.empty() ? "" : ", ") + t->name + " " + t->shape_text();
  return out.empty() ? "none" : out;
}

void load_tokenizer(const ArgParser& p, PretrainedModel& m) {
  if (p.has("vocab")) {
    WordPieceVocab vocab(read_input(p.require("vocab")));
    const bool uncased = !p.has("cased") && vocab.looks_uncased();
    m.token_names = vocab.tokens();
    m.wordpiece = std::make_unique<WordPieceTokenizer>(std::move(vocab), uncased);
    check_token_rows(m.header, m.layout, m.token_names.size(), "vocab.txt");
  } else if (m.layout.kind == PretrainedKind::Gpt2) {
    m.gpt2 = std::make_unique<Gpt2Bpe>(read_gpt2_ranks(p.get("ranks", default_gpt2_ranks_path())));
    check_token_rows(m.header, m.layout, m.gpt2->vocab_size(), "GPT-2's tokenizer");
    for (std::size_t id = 0; id < m.gpt2->vocab_size(); ++id)
      m.token_names.push_back(m.gpt2->token_text(static_cast<std::int32_t>(id)));
  } else if (m.layout.kind == PretrainedKind::Bert) {
    throw CliError("BERT weights need the model's vocab.txt: pass --vocab FILE");
  } else {
    const auto rows = m.header.require(m.layout.token_table).shape[0];
    for (std::uint64_t i = 0; i < rows; ++i) m.token_names.push_back("#" + std::to_string(i));
  }
}

}  // namespace

const char* kPretrainedOptionsUsage =
    "  --weights FILE         a model's safetensors file (GPT-2: wte/wpe; BERT: embeddings.*_embeddings)\n"
    "  --vocab FILE           BERT's vocab.txt (WordPiece); required for BERT weights\n"
    "  --cased                keep case and accents (cased BERT; default: as the vocabulary suggests)\n"
    "  --token-table NAME     the 2-D tensor holding one row per token, for other layouts\n"
    "  --position-table NAME  the learned position table, for other layouts (optional)\n"
    "  --ranks FILE           GPT-2 ranks asset (default: the one built with this binary)\n";

void declare_pretrained_options(ArgParser& p) {
  for (const char* o : {"weights", "vocab", "token-table", "position-table", "ranks"}) p.option(o);
  p.flag("cased");
}

SafetensorsHeader read_safetensors_header_file(const std::string& path) {
  std::uint64_t size = 0;
  std::ifstream in = open_weights(path, size);
  const std::string prefix = read_range(in, path, 0, static_cast<std::size_t>(std::min<std::uint64_t>(size, 8)));
  const std::uint64_t n = safetensors_header_length(prefix, size);
  return parse_safetensors_header(read_range(in, path, 8, static_cast<std::size_t>(n)), size);
}

PretrainedTables read_tables_file(const std::string& path, const SafetensorsHeader& header, const PretrainedLayout& layout) {
  PretrainedLoader loader(header, layout);  // refuses unreadable tables before any data is read
  std::uint64_t size = 0;
  std::ifstream in = open_weights(path, size);
  if (size != header.file_size) throw CliError("weights file '" + path + "' changed while it was read");
  while (const auto r = loader.next_range(kSliceBytes))
    loader.append(read_range(in, path, r->begin, static_cast<std::size_t>(r->end - r->begin)));
  return loader.finish();
}

PretrainedLayout layout_of(const ArgParser& p, const SafetensorsHeader& header) {
  if (p.has("token-table")) return chosen_layout(header, p.require("token-table"), p.get("position-table", ""));
  if (p.has("position-table")) throw CliError("--position-table needs --token-table");
  return detect_pretrained_layout(header);
}

PretrainedModel load_pretrained(const ArgParser& p) {
  PretrainedModel m;
  const std::string path = p.require("weights");
  m.header = read_safetensors_header_file(path);
  m.layout = layout_of(p, m.header);
  if (m.layout.token_table.empty())
    throw CliError("no GPT-2 or BERT embedding table in the file: choose one with --token-table (2-D tensors: " +
                   matrix_list(m.header) + ")");
  PretrainedLoader check(m.header, m.layout);  // dtypes and sizes, before the tokenizer and any data
  load_tokenizer(p, m);
  PretrainedTables tables = read_tables_file(path, m.header, m.layout);
  m.tokens = std::move(tables.tokens);
  m.positions = std::move(tables.positions);
  return m;
}

void PretrainedModel::encode(const std::string& text, std::vector<std::int32_t>& ids, TokenSequence& out) const {
  if (gpt2) {
    Gpt2Encoding e = gpt2->encode(text);
    ids = std::move(e.ids);
    out = std::move(e.tokens);
  } else if (wordpiece) {
    WordPieceEncoding e = wordpiece->encode(text);
    ids = std::move(e.ids);
    out = std::move(e.tokens);
  } else {
    throw CliError("no tokenizer for this table: pass its vocab.txt with --vocab");
  }
}

}  // namespace embplay::cli
