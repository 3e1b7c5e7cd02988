// Which tensors of a model's safetensors file are its token embedding table W_E and its
// learned position table, by the names Hugging Face's transformers writes:
//   GPT-2 (Radford et al. 2019; transformers' GPT2Model):  wte.weight [vocab, d], wpe.weight [n_ctx, d],
//          with a "transformer." prefix when saved from GPT2LMHeadModel;
//   BERT (Devlin et al. 2019; BertModel):  embeddings.word_embeddings.weight [vocab, d],
//          embeddings.position_embeddings.weight [max_positions, d], with a "bert." prefix when
//          saved from BertForMaskedLM and friends.
// Any other file is Other: its 2-D tensors are listed and the reader picks the token table.
#pragma once

#include <string>
#include <vector>

#include "formats/safetensors_header.h"

namespace embplay {

enum class PretrainedKind { Gpt2, Bert, Other };

struct PretrainedLayout {
  PretrainedKind kind = PretrainedKind::Other;
  std::string token_table;     // "" for Other until chosen
  std::string position_table;  // "" when there is none
};

// "gpt2", "bert", "other".
const char* pretrained_kind_name(PretrainedKind kind) noexcept;

// Finds the GPT-2 or BERT tables; throws SafetensorsError when a table found by name is not
// 2-D or the two tables differ in width.
PretrainedLayout detect_pretrained_layout(const SafetensorsHeader& header);

// A layout for tables the reader chose by name (position table optional, ""); checks them as
// detect_pretrained_layout does and that they exist.
PretrainedLayout chosen_layout(const SafetensorsHeader& header, const std::string& token_table,
                               const std::string& position_table);

// Checks, from the header alone (before any data is read), that the token table has one row
// per token of the tokenizer; throws SafetensorsError naming both numbers: "the token table
// 'wte.weight' has 50000 rows, GPT-2's tokenizer has 50257 tokens".
void check_token_rows(const SafetensorsHeader& header, const PretrainedLayout& layout, std::size_t vocab_size,
                      const std::string& tokenizer_name);

// The file's 2-D tensors, in file order: the candidates for a token or position table.
std::vector<const SafetensorsTensor*> matrix_tensors(const SafetensorsHeader& header);

}  // namespace embplay
