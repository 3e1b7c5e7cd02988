// Shared by the commands that read a model's safetensors file (pretrained, lookup, neighbors
// --weights): reading only the header and the tensors asked for (seekg, never the whole file),
// the GPT-2 or BERT layout, the tokenizer that goes with it, and the row count check.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli/arg_parser.h"
#include "formats/pretrained_layout.h"
#include "formats/pretrained_loader.h"
#include "formats/safetensors_header.h"
#include "gpt2/gpt2_bpe.h"
#include "text/token_sequence.h"
#include "text/wordpiece_tokenizer.h"
#include "transformer/embedding_table.h"

namespace embplay::cli {

// Declares --weights, --vocab, --token-table, --position-table, --ranks, --cased.
void declare_pretrained_options(ArgParser& p);
extern const char* kPretrainedOptionsUsage;

// Reads and validates the header of the file at `path`; throws CliError / SafetensorsError.
SafetensorsHeader read_safetensors_header_file(const std::string& path);
// Reads the layout's tables through PretrainedLoader, 8 MB ranges at a time.
PretrainedTables read_tables_file(const std::string& path, const SafetensorsHeader& header, const PretrainedLayout& layout);

struct PretrainedModel {
  SafetensorsHeader header;
  PretrainedLayout layout;
  std::vector<std::string> token_names;  // one per row: "Ġking", vocab.txt's lines, or "#12"
  RowMatrix tokens;
  RowMatrix positions;                    // 0 x 0 without a position table
  std::unique_ptr<Gpt2Bpe> gpt2;          // the tokenizer, if any
  std::unique_ptr<WordPieceTokenizer> wordpiece;

  // Text -> ids and tokens; throws CliError when the model has no tokenizer.
  void encode(const std::string& text, std::vector<std::int32_t>& ids, TokenSequence& tokens) const;
};

// The header and layout (GPT-2, BERT, or --token-table), then the tokenizer, the row count
// check, and only then the tables' data.
PretrainedModel load_pretrained(const ArgParser& p);

// The layout for --list, without reading any data: throws nothing for an unknown layout.
PretrainedLayout layout_of(const ArgParser& p, const SafetensorsHeader& header);

}  // namespace embplay::cli
