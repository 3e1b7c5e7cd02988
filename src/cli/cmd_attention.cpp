// embplay attention: the self-attention of a text's model input (issue 11), as TSV, one block
// per head. X = s E + P is built as section 6 of the page builds it: tokens as `embplay tokenize`
// gives them, ids and a seeded embedding table as `embplay embed` (GPT-2's ids and a 50,257-row
// table in gpt2 mode), position rows sinusoidal, learned or none. The numbers are computed by
// src/transformer/attention_workspace.h, the code behind the page, so they match it bit for bit.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/tokenize_gpt2.h"
#include "gpt2/gpt2_bpe.h"
#include "text/tokenizer.h"
#include "text/vocabulary.h"
#include "transformer/attention_config.h"
#include "transformer/attention_workspace.h"
#include "transformer/embedding_table.h"

namespace embplay::cli {

namespace {

const char* kUsage =
    "usage: embplay attention --d-model D [--heads H] [--proj identity|random]\n"
    "                         [--positions sinusoidal|learned|none] [--scale sqrt|none] [--causal]\n"
    "                         [--seed S] [--scores] [--token-scale sqrt|1] [--base B]\n"
    "                         [--layout interleaved|split] [--mode word|char|bpe|gpt2] [--lowercase]\n"
    "                         [--whitespace] [--merges N] [--min-count N] [--max-vocab N]\n"
    "                         [--ranks FILE] [--input FILE]\n"
    "Self-attention of the text's model input X = s E + P (Vaswani et al. 2017, eq. 1):\n"
    "softmax(Q K^T / sqrt(d_k)) per head, Q = X W_Q, K = X W_K, d_k = D / H.\n"
    "Output, tab-separated, one block per head, blocks separated by an empty line:\n"
    "  head 1/H weights <TAB> key token 0 <TAB> key token 1 ...   (header line)\n"
    "  query token i <TAB> value for key 0 <TAB> value for key 1 ...   (one line per token, %.9g)\n"
    "Token labels escape \\ tab newline CR as \\\\ \\t \\n \\r. Masked scores (--causal --scores) print -inf.\n"
    "At most 512 tokens: a longer text is cut there (with a note on stderr).\n"
    "options:\n"
    "  --d-model D       width of the embeddings, 1..1024 (required)\n"
    "  --heads H         1..64, must divide D; head j reads columns j*D/H .. (j+1)*D/H-1 (default 1)\n"
    "  --proj P          identity (W = I: with one head the scores are X X^T; default) or random\n"
    "                    (W_Q, W_K, W_V drawn in that order, U(-1/sqrt D, 1/sqrt D) like PyTorch's\n"
    "                    nn.Linear, from the seed XOR \"attn-qkv\")\n"
    "  --positions P     sinusoidal (default), learned (U(+-sqrt(3)*0.02), the seed) or none\n"
    "  --scale S         sqrt (divide the scores by sqrt(d_k); default) or none\n"
    "  --causal          query t sees keys 0..t only (weights above the diagonal are 0)\n"
    "  --seed S          embedding table, learned positions and projections, 0..4294967295 (default 1)\n"
    "  --scores          print the scores before the softmax instead of the weights\n"
    "  --token-scale T   s: sqrt (sqrt(D), the paper and the page's default) or 1\n"
    "  --base B, --layout L   sinusoidal positions, as for 'embplay pe' (default 10000, interleaved)\n"
    "  --mode, --lowercase, --whitespace, --merges, --min-count, --ranks   as for 'embplay tokenize'\n"
    "                    (merges default 200; the page's box starts at 100)\n"
    "  --max-vocab N     vocabulary size including [UNK] (default 50000, as the page; 0 = unlimited)\n"
    "  --input FILE      read FILE instead of stdin\n";

struct Sentence {
  std::vector<std::string> labels;
  RowMatrix rows;  // E: one embedding row per token
  std::size_t total_tokens = 0;
};

// The first `limit` tokens and their embedding rows, as the page's sections 2-5 make them.
Sentence sentence_from_text(const ArgParser& p, const std::string& text, std::size_t d, std::uint64_t seed,
                            std::size_t limit) {
  Sentence s;
  std::vector<std::int32_t> ids;
  std::size_t vocab_size = 0;
  const std::string mode = p.get("mode", "word");
  if (mode == "gpt2") {
    for (const char* other : {"lowercase", "whitespace", "merges", "min-count", "max-vocab"}) {
      if (p.has(other)) throw CliError(std::string("--") + other + " does not apply to --mode gpt2");
    }
    const Gpt2Bpe bpe(read_gpt2_ranks(p.get("ranks", default_gpt2_ranks_path())));
    const Gpt2Encoding encoding = bpe.encode(text);
    ids = encoding.ids;
    for (std::size_t i = 0; i < ids.size() && i < limit; ++i) s.labels.emplace_back(encoding.tokens.text(i));
    vocab_size = bpe.vocab_size();
  } else {
    if (p.has("ranks")) throw CliError("--ranks applies to --mode gpt2 only");
    TokenizerOptions options;
    options.mode = parse_tokenizer_mode(mode);
    options.lowercase = p.has("lowercase");
    options.keep_whitespace = p.has("whitespace");
    options.merges = static_cast<int>(p.get_int("merges", 200, 0, kMaxMerges));
    const VocabularyOptions vocab_options{static_cast<std::uint64_t>(p.get_int("min-count", 1, 1, 1LL << 62)),
                                          static_cast<std::size_t>(p.get_int("max-vocab", 50000, 0, 1LL << 40))};
    const auto tokenizer = make_tokenizer(options, text);
    const TokenSequence tokens = tokenizer->encode(text);
    const Vocabulary vocab = Vocabulary::build(tokens, vocab_options);
    ids = vocab.encode(tokens);
    for (std::size_t i = 0; i < tokens.size() && i < limit; ++i) s.labels.push_back(tokens.display_text(i));
    vocab_size = vocab.size();
  }
  s.total_tokens = ids.size();
  if (ids.size() > limit) ids.resize(limit);
  if (!ids.empty()) s.rows = EmbeddingTable(vocab_size, d, seed).lookup(ids);
  return s;
}

std::string escape_label(const std::string& label) {
  std::string out;
  for (const char c : label) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

void print_block(const float* values, const std::vector<std::string>& labels, std::size_t head, std::size_t heads,
                 const char* what, std::string& out) {
  const std::size_t n = labels.size();
  out += "head " + std::to_string(head + 1) + "/" + std::to_string(heads) + " " + what;
  for (const auto& label : labels) out += "\t" + escape_label(label);
  out += "\n";
  char buf[32];
  for (std::size_t i = 0; i < n; ++i) {
    out += escape_label(labels[i]);
    for (std::size_t j = 0; j < n; ++j) {
      std::snprintf(buf, sizeof buf, "\t%.9g", static_cast<double>(values[i * n + j]));
      out += buf;
    }
    out += "\n";
  }
}

float token_scale(const std::string& name, std::size_t d) {
  if (name == "sqrt") return static_cast<float>(std::sqrt(static_cast<double>(d)));
  if (name == "1") return 1.0f;
  throw CliError("--token-scale must be sqrt or 1, got '" + name + "'");
}

bool divide_by_sqrt_dk(const std::string& name) {
  if (name == "sqrt") return true;
  if (name == "none") return false;
  throw CliError("--scale must be sqrt or none, got '" + name + "'");
}

}  // namespace

int run_attention(const Args& args) {
  ArgParser p("attention", kUsage);
  for (const char* o : {"d-model", "heads", "proj", "positions", "scale", "seed", "token-scale", "base", "layout", "mode",
                        "merges", "min-count", "max-vocab", "ranks", "input"}) {
    p.option(o);
  }
  for (const char* f : {"causal", "scores", "lowercase", "whitespace"}) p.flag(f);
  if (!p.parse(args)) return 0;

  // Every setting is checked before the text is read (n = 1 stands in for the token count).
  p.require("d-model");
  const double d_model = p.get_double("d-model", 0);
  const double heads = p.get_double("heads", 1);
  const double seed = static_cast<double>(p.get_int("seed", 1, 0, 4294967295LL));
  const AttentionProjection proj = parse_attention_projection(p.get("proj", "identity"));
  const bool scaled = divide_by_sqrt_dk(p.get("scale", "sqrt"));
  const bool causal = p.has("causal");
  const AttentionConfig settings = checked_attention_config(1, d_model, heads, proj, scaled, causal, seed);
  AttentionInputSpec input;
  input.token_scale = token_scale(p.get("token-scale", "sqrt"), settings.d_model);
  input.positions = parse_attention_positions(p.get("positions", "sinusoidal"));
  input.base = p.get_double("base", kDefaultPeBase);
  input.layout = parse_pe_layout(p.get("layout", "interleaved"));
  input.position_seed = settings.seed;
  check_attention_input_spec(input);
  const std::string mode = p.get("mode", "word");
  if (mode != "gpt2") parse_tokenizer_mode(mode);

  const Sentence s = sentence_from_text(p, read_input(p.get("input", "")), settings.d_model, settings.seed,
                                        kMaxAttentionTokens);
  if (s.total_tokens > kMaxAttentionTokens) {
    std::cerr << "embplay attention: the text has " << s.total_tokens << " tokens; attention uses the first "
              << kMaxAttentionTokens << "\n";
  }
  if (s.total_tokens == 0) throw CliError("the text has no tokens: attention needs at least one");
  const AttentionConfig config = checked_attention_config(static_cast<double>(s.labels.size()), d_model, heads, proj,
                                                          scaled, causal, seed);
  AttentionWorkspace workspace;
  workspace.compute(config, input, s.rows.data());

  const AttentionResult& r = workspace.result();
  const bool scores = p.has("scores");
  std::string out;
  for (std::size_t h = 0; h < config.heads; ++h) {
    if (h) out += "\n";
    print_block(scores ? r.head_scores(h) : r.head_weights(h), s.labels, h, config.heads, scores ? "scores" : "weights",
                out);
    std::cout << out;
    out.clear();
  }
  return 0;
}

}  // namespace embplay::cli
