// embplay train: word2vec CBOW or skip-gram on a text file -> a word2vec vector file, or
// with --subwords fastText's subword model -> a fastText .bin.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "fasttext/fasttext_format.h"
#include "training/word2vec_trainer.h"
#include "cli/arg_parser.h"
#include "cli/commands.h"
#include "cli/terminal.h"
#include "cli/tokenize_gpt2.h"
#include "training/training_tokens.h"
#include "vectors/word2vec_format.h"

namespace embplay::cli {

namespace {

const char* kUsage =
    "usage: embplay train --input FILE --output FILE [--arch cbow|skipgram] [--binary] [--size 100]\n"
    "                     [--window 5] [--negative 5] [--sample 1e-4] [--min-count 5] [--epochs 5]\n"
    "                     [--alpha 0.05] [--batch 1] [--threads 1] [--seed 1]\n"
    "                     [--subwords [--minn 3] [--maxn 6] [--bucket 2000000]]\n"
    "                     [--tokenize word|char|bpe|gpt2 [--lowercase] [--merges 200]]\n"
    "Trains word2vec CBOW or skip-gram with negative sampling (word2vec's semantics and defaults) and\n"
    "writes the vectors in word2vec format; with --subwords trains fastText's subword model and writes\n"
    "a fastText .bin (what 'fasttext print-word-vectors', gensim's load_facebook_model and\n"
    "'embplay neighbors/analogy/vector --model' read). By default words are split on ASCII whitespace and nothing is lowercased,\n"
    "as word2vec reads its text; --tokenize uses a tokenizer mode of 'embplay tokenize' instead (its tokens\n"
    "are the words; whitespace tokens are skipped, bpe pieces keep '##', gpt2 tokens are written 'Ġking').\n"
    "Each line is a sentence (no context crosses a line break) in every mode.\n"
    "options:\n"
    "  --input FILE     UTF-8 training text ('-' for stdin)\n"
    "  --output FILE    where to write the vectors (written atomically, only if training succeeds)\n"
    "  --arch A         cbow (default) or skipgram\n"
    "  --binary         word2vec binary format (default: text; not with --subwords)\n"
    "  --size N         vector dimension, 1..4096 (default 100)\n"
    "  --window N       max context distance, shrunk at random per word, 1..100 (default 5)\n"
    "  --negative N     noise words per update, 1..100 (default 5)\n"
    "  --sample X       subsampling threshold for frequent words, 0 = off (default 1e-4)\n"
    "  --min-count N    ignore words seen fewer than N times (default 5)\n"
    "  --epochs N       passes over the text, 1..1000 (default 5)\n"
    "  --alpha X        starting learning rate, in (0, 1] (default 0.05 for cbow, 0.025 for skipgram, as\n"
    "                   word2vec), decays linearly to alpha*1e-4\n"
    "  --batch N        centre words per update sharing their negatives, 1..64 (default 1 = word2vec\n"
    "                   exactly; larger B trains a little faster but loses analogy accuracy)\n"
    "  --threads N      Hogwild training threads (default 1; results are reproducible only with 1)\n"
    "  --seed N         random seed (default 1); one thread + one seed = the same vectors every run\n"
    "  --subwords       fastText's subword model: a word's vector is the mean of its own row and the rows\n"
    "                   of its character n-grams, so unseen words get vectors too\n"
    "  --minn N         shortest n-gram in characters (code points), 1..maxn (default 3)\n"
    "  --maxn N         longest n-gram, 1..20 (default 6)\n"
    "  --bucket N       n-gram hash rows, 1..100000000 (default 2000000, fastText's: 800 MB at size 100)\n"
    "  --vec FILE       with --subwords, also write every vocabulary word's vector as fastText's .vec\n"
    "  --tokenize MODE  word, char, bpe or gpt2 (default whitespace: split on whitespace, like word2vec)\n"
    "  --lowercase      word, char, bpe: Unicode simple lowercasing\n"
    "  --merges N       bpe: merges to learn from the input, 0..100000 (default 200)\n"
    "  --ranks FILE     gpt2: the ranks asset (default: the one the build converted)\n"
    "A progress line (words/s, loss, ETA) goes to stderr when stderr is a terminal.\n";

Word2vecConfig config_from(const ArgParser& p) {
  Word2vecConfig c;
  c.arch = parse_architecture(p.get("arch", "cbow"));
  if (c.arch == Architecture::SkipGram) c.alpha = 0.025;
  c.subwords = p.has("subwords");
  if (!c.subwords) {
    for (const char* o : {"minn", "maxn", "bucket"}) {
      if (p.has(o)) throw CliError(std::string("--") + o + " needs --subwords");
    }
  }
  if (!c.subwords && p.has("vec")) throw CliError("--vec needs --subwords (without it the output is already word2vec text)");
  if (c.subwords && p.has("binary")) throw CliError("--binary does not apply to --subwords (the output is a fastText .bin)");
  c.ngrams.minn = static_cast<int>(p.get_int("minn", c.ngrams.minn, 1, kMaxNgramLength));
  c.ngrams.maxn = static_cast<int>(p.get_int("maxn", c.ngrams.maxn, 1, kMaxNgramLength));
  c.ngrams.bucket = static_cast<std::uint32_t>(p.get_int("bucket", c.ngrams.bucket, 1, static_cast<long long>(kMaxBucket)));
  c.size = static_cast<int>(p.get_int("size", c.size, 1, kMaxVectorSize));
  c.window = static_cast<int>(p.get_int("window", c.window, 1, kMaxWindow));
  c.negative = static_cast<int>(p.get_int("negative", c.negative, 1, kMaxNegative));
  c.sample = p.get_double("sample", c.sample);
  c.min_count = static_cast<std::uint64_t>(p.get_int("min-count", static_cast<long long>(c.min_count), 1, 1LL << 62));
  c.epochs = static_cast<int>(p.get_int("epochs", c.epochs, 1, kMaxEpochs));
  c.alpha = p.get_double("alpha", c.alpha);
  c.batch = static_cast<int>(p.get_int("batch", c.batch, 1, kMaxBatch));
  c.threads = static_cast<int>(p.get_int("threads", c.threads, 1, kMaxThreads));
  c.seed = static_cast<std::uint64_t>(p.get_int("seed", 1, 0, (1LL << 62)));
  validate(c);
  return c;
}

// The training words: whitespace splitting by default, or --tokenize MODE.
TrainingCorpus read_corpus(const ArgParser& p, const std::string& text, std::uint64_t min_count) {
  TrainingTokenOptions o;
  o.split = p.has("tokenize") ? parse_training_split(p.get("tokenize", "")) : TrainingSplit::Whitespace;
  if (o.split == TrainingSplit::Whitespace) {
    for (const char* other : {"lowercase", "merges", "ranks"}) {
      if (p.has(other)) throw CliError(std::string("--") + other + " needs --tokenize");
    }
  }
  o.lowercase = p.has("lowercase");
  if (p.has("merges") && o.split != TrainingSplit::Bpe) throw CliError("--merges applies only to --tokenize bpe");
  if (p.has("ranks") && o.split != TrainingSplit::Gpt2) throw CliError("--ranks applies only to --tokenize gpt2");
  if (o.lowercase && o.split == TrainingSplit::Gpt2) throw CliError("--lowercase does not apply to --tokenize gpt2");
  o.merges = static_cast<int>(p.get_int("merges", 200, 0, kMaxMerges));
  std::unique_ptr<Gpt2Bpe> gpt2;
  if (o.split == TrainingSplit::Gpt2) {
    gpt2 = std::make_unique<Gpt2Bpe>(read_gpt2_ranks(p.get("ranks", default_gpt2_ranks_path())));
    o.gpt2 = gpt2.get();
  }
  return make_training_corpus(text, o, min_count);
}

// Fails before a long training run rather than after it.
void check_writable(const std::string& path) {
  const std::string probe = path + ".tmp-embplay";
  {
    std::ofstream out(probe, std::ios::binary | std::ios::trunc);
    if (!out) throw CliError("cannot write output file '" + path + "'");
  }
  std::remove(probe.c_str());
}

std::string human(double x) {
  char buf[32];
  if (x >= 1e6) std::snprintf(buf, sizeof buf, "%.2fM", x / 1e6);
  else if (x >= 1e3) std::snprintf(buf, sizeof buf, "%.0fk", x / 1e3);
  else std::snprintf(buf, sizeof buf, "%.0f", x);
  return buf;
}

void print_progress(const Word2vecProgress& p) {
  std::fprintf(stderr, "\r%5.1f%%  epoch %d  %s words/s  loss %.4f  lr %.5f  ETA %.0fs   ",
               100.0 * static_cast<double>(p.words_done) / static_cast<double>(p.total_words), p.epoch,
               human(p.words_per_second).c_str(), p.loss, p.learning_rate, p.eta_seconds);
  std::fflush(stderr);
}

}  // namespace

int run_train(const Args& args) {
  ArgParser p("train", kUsage);
  for (const char* o : {"input", "output", "size", "window", "negative", "sample", "min-count", "epochs", "alpha",
                        "batch", "threads", "seed", "tokenize", "merges", "ranks", "arch", "minn", "maxn", "bucket", "vec"}) {
    p.option(o);
  }
  p.flag("binary");
  p.flag("lowercase");
  p.flag("subwords");
  if (!p.parse(args)) return 0;
  const Word2vecConfig config = config_from(p);
  const std::string input = p.require("input");
  const std::string output = p.require("output");
  check_writable(output);
  if (p.has("vec")) check_writable(p.get("vec", ""));

  const auto t0 = std::chrono::steady_clock::now();
  Word2vecTrainer trainer(read_corpus(p, read_input(input), config.min_count), config);
  const double read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (const auto& w : trainer.warnings()) std::cerr << "embplay train: warning: " << w << "\n";

  const bool tty = stderr_is_terminal();
  const std::uint64_t chunk = 100000 * static_cast<std::uint64_t>(config.threads);
  Word2vecProgress progress = trainer.progress();
  auto last_print = std::chrono::steady_clock::now();
  while (!progress.finished) {
    progress = trainer.train(chunk);
    if (tty && std::chrono::steady_clock::now() - last_print > std::chrono::milliseconds(250)) {
      print_progress(progress);
      last_print = std::chrono::steady_clock::now();
    }
  }
  if (tty) std::fputc('\n', stderr);

  if (config.subwords) {
    const SubwordModel model = trainer.release_subword_model();
    const std::string vec = p.has("vec") ? to_fasttext_vec(model) : std::string();
    write_output_atomically(output, [&](std::ostream& out) { write_fasttext_bin(model, out); });
    if (p.has("vec")) write_output_atomically(p.get("vec", ""), vec);
  } else {
    const WordVectors vectors = trainer.word_vectors();
    write_output_atomically(output, to_word2vec(vectors, p.has("binary") ? Word2VecFormat::Binary : Word2VecFormat::Text));
  }
  std::ostringstream summary;
  summary << "embplay train: " << trainer.corpus().vocabulary().size() - 1 << " words in the vocabulary, "
          << trainer.corpus().words() << " training words; read in " << std::round(read_seconds * 100) / 100 << " s, trained "
          << progress.words_done << " words in " << std::round(progress.seconds * 100) / 100 << " s ("
          << std::llround(progress.words_per_second) << " words/s), final loss " << progress.loss << "; wrote " << output
          << "\n";
  std::cerr << summary.str();
  return 0;
}

}  // namespace embplay::cli
