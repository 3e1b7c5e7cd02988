// See word2vec_config.h.
#include "training/word2vec_config.h"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

namespace embplay {

namespace {

void check_range(const char* name, long long value, long long min, long long max, const char* hint = "") {
  if (value < min || value > max) {
    throw std::invalid_argument(std::string(name) + " must be between " + std::to_string(min) + " and " +
                                std::to_string(max) + ", got " + std::to_string(value) + hint);
  }
}

std::string show(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

}  // namespace

Architecture parse_architecture(std::string_view name) {
  if (name == "cbow") return Architecture::Cbow;
  if (name == "skipgram") return Architecture::SkipGram;
  throw std::invalid_argument("architecture must be cbow or skipgram, got '" + std::string(name) + "'");
}

const char* architecture_name(Architecture arch) noexcept { return arch == Architecture::Cbow ? "cbow" : "skipgram"; }

void validate(const Word2vecConfig& c) {
  check_range("size", c.size, 1, kMaxVectorSize);
  check_range("window", c.window, 1, kMaxWindow);
  check_range("negative", c.negative, 1, kMaxNegative,
              " (this trainer uses negative sampling only; word2vec's -negative 0 -hs 1 is not supported)");
  check_range("epochs", c.epochs, 1, kMaxEpochs);
  check_range("batch", c.batch, 1, kMaxBatch);
  check_range("threads", c.threads, 1, kMaxThreads);
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
  if (c.threads != 1) throw std::invalid_argument("threads must be 1 in WebAssembly (this build has no threads)");
#endif
  if (!(c.alpha > 0.0 && c.alpha <= 1.0)) {
    throw std::invalid_argument("alpha must be a number in (0, 1], got " + show(c.alpha));
  }
  if (!(c.sample >= 0.0 && c.sample <= 1.0)) {
    throw std::invalid_argument("sample must be a number in [0, 1] (0 keeps every word), got " + show(c.sample));
  }
  if (c.subwords) validate(c.ngrams);
  if (c.batch != 1 && (c.arch != Architecture::Cbow || c.subwords)) {
    throw std::invalid_argument("batch must be 1 for skip-gram and for subwords (batches are CBOW on whole words only), got " +
                                std::to_string(c.batch));
  }
  if (c.min_count < 1) throw std::invalid_argument("min_count must be at least 1, got 0");
  if (c.loss_window < 1) throw std::invalid_argument("loss_window must be at least 1, got 0");
}

}  // namespace embplay
