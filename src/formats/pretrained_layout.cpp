// Finding GPT-2's and BERT's embedding tables by name; see pretrained_layout.h.
#include "formats/pretrained_layout.h"

#include "text/message_quote.h"

namespace embplay {

namespace {

struct KnownLayout {
  PretrainedKind kind;
  const char* token_table;
  const char* position_table;
};

const KnownLayout kKnown[] = {
    {PretrainedKind::Gpt2, "wte.weight", "wpe.weight"},
    {PretrainedKind::Gpt2, "transformer.wte.weight", "transformer.wpe.weight"},
    {PretrainedKind::Bert, "bert.embeddings.word_embeddings.weight", "bert.embeddings.position_embeddings.weight"},
    {PretrainedKind::Bert, "embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight"},
};

void check_matrix(const SafetensorsTensor& t, const char* role) {
  if (t.shape.size() != 2)
    throw SafetensorsError(std::string("the ") + role + " " + quote_for_message(t.name) + " has shape " + t.shape_text() +
                           ", not [rows, width]");
}

void check_tables(const SafetensorsHeader& header, const PretrainedLayout& layout) {
  const SafetensorsTensor& tokens = header.require(layout.token_table);
  check_matrix(tokens, "token table");
  if (layout.position_table.empty()) return;
  const SafetensorsTensor& positions = header.require(layout.position_table);
  check_matrix(positions, "position table");
  if (positions.shape[1] != tokens.shape[1])
    throw SafetensorsError("the token table " + quote_for_message(tokens.name) + " is " + std::to_string(tokens.shape[1]) +
                           " wide, the position table " + quote_for_message(positions.name) + " " + std::to_string(positions.shape[1]));
}

}  // namespace

const char* pretrained_kind_name(PretrainedKind kind) noexcept {
  switch (kind) {
    case PretrainedKind::Gpt2: return "gpt2";
    case PretrainedKind::Bert: return "bert";
    case PretrainedKind::Other: return "other";
  }
  return "other";
}

PretrainedLayout detect_pretrained_layout(const SafetensorsHeader& header) {
  for (const auto& known : kKnown) {
    if (!header.find(known.token_table)) continue;
    PretrainedLayout layout{known.kind, known.token_table, header.find(known.position_table) ? known.position_table : ""};
    check_tables(header, layout);
    return layout;
  }
  return {};
}

PretrainedLayout chosen_layout(const SafetensorsHeader& header, const std::string& token_table,
                               const std::string& position_table) {
  PretrainedLayout layout{PretrainedKind::Other, token_table, position_table};
  check_tables(header, layout);
  return layout;
}

void check_token_rows(const SafetensorsHeader& header, const PretrainedLayout& layout, std::size_t vocab_size,
                      const std::string& tokenizer_name) {
  const SafetensorsTensor& tokens = header.require(layout.token_table);
  check_matrix(tokens, "token table");
  if (tokens.shape[0] != vocab_size)
    throw SafetensorsError("the token table " + quote_for_message(tokens.name) + " has " + std::to_string(tokens.shape[0]) + " rows, " +
                           tokenizer_name + " has " + std::to_string(vocab_size) + " tokens");
}

std::vector<const SafetensorsTensor*> matrix_tensors(const SafetensorsHeader& header) {
  std::vector<const SafetensorsTensor*> out;
  for (const auto& t : header.tensors)
    if (t.shape.size() == 2) out.push_back(&t);
  return out;
}

}  // namespace embplay
