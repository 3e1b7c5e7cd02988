// See word2vec_trainer.h.
#include "training/word2vec_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "fasttext/subword_vector.h"
#include "math/strict_float.h"

EMBPLAY_STRICT_FLOAT

namespace embplay {

namespace {

constexpr std::uint64_t kMaxWeights = std::uint64_t{1} << 29;  // floats per matrix (2 GiB)

std::string mebibytes(std::uint64_t floats) {
  return std::to_string((floats * sizeof(float) + (1u << 20) - 1) >> 20) + " MiB";
}

// The input matrix has a row per vocabulary word and, with subwords, one per bucket.
RowMatrix allocate(const TrainingCorpus& corpus, const Word2vecConfig& config, bool input) {
  const std::uint64_t words = corpus.vocabulary().size();
  const std::uint64_t buckets = input && config.subwords ? config.ngrams.bucket : 0;
  const std::uint64_t floats = (words + buckets) * static_cast<std::uint64_t>(config.size);
  if (floats > kMaxWeights) {
    if (buckets) {
      throw std::invalid_argument("bucket " + std::to_string(buckets) + " + " + std::to_string(words) + " words at size " +
                                  std::to_string(config.size) + " need " + mebibytes(floats) +
                                  " for the input matrix, more than the 2048 MiB limit; lower bucket or size");
    }
    throw std::invalid_argument("a vocabulary of " + std::to_string(words) + " words with size " +
                                std::to_string(config.size) + " needs more than 2 GiB per weight matrix; lower size or raise min_count");
  }
  return RowMatrix::Zero(static_cast<Eigen::Index>(words + buckets), config.size);
}

std::uint64_t worker_seed(std::uint64_t seed, std::size_t t) { return seed ^ (0xD1B54A32D192ED03ull * (t + 1)); }

}  // namespace

Word2vecTrainer::Word2vecTrainer(TrainingCorpus corpus, const Word2vecConfig& config)
    : corpus_(std::move(corpus)),
      config_((validate(config), config)),
      input_(allocate(corpus_, config, true)),
      output_(allocate(corpus_, config, false)),
      sampler_((check_trainable(), corpus_.vocabulary().counts())),
      keep_(subsampling_thresholds(corpus_.vocabulary().counts(), corpus_.words(), config.sample)) {
  keep_[Vocabulary::kUnkId] = 0;  // never occurs in the id stream; never kept if it did
  // Input rows start in [-1/d, 1/d) as gensim 4 and fastText (README: word2vec.c's narrower
  // [-0.5/d, 0.5/d) cost about one analogy point on GCIDE, measured over four seeds).
  Rng rng(config_.seed);
  const float inv_size = 1.0f / static_cast<float>(config_.size);
  for (Eigen::Index r = 0; r < input_.rows(); ++r) {
    for (Eigen::Index c = 0; c < input_.cols(); ++c) input_(r, c) = (2.0f * rng.uniform01() - 1.0f) * inv_size;
  }
  if (static_cast<std::size_t>(config_.window) >= corpus_.longest_sentence()) {
    warnings_.push_back("window " + std::to_string(config_.window) + " reaches across the longest line (" +
                        std::to_string(corpus_.longest_sentence()) + " words): every context is its whole line");
  }
  split_sentences();
  if (config_.subwords) build_subword_rows();
  Word2vecShared shared{{input_.data(), output_.data(), config_.size}, &sampler_, &sigmoid_, &keep_,
                    config_.window, config_.negative, config_.batch};
  shared.arch = config_.arch;
  if (config_.subwords) {
    shared.subword_starts = subword_starts_.data();
    shared.subword_rows = subword_rows_.data();
  }
  for (std::size_t t = 0; t < cursors_.size(); ++t) {
    workers_.push_back(std::make_unique<Word2vecWorker>(shared, worker_seed(config_.seed, t), config_.loss_window));
  }
}

Word2vecTrainer::~Word2vecTrainer() = default;

// Word id's rows: its own, then its n-grams' (buckets start after the vocabulary rows).
void Word2vecTrainer::build_subword_rows() {
  const Vocabulary& v = corpus_.vocabulary();
  subword_starts_.assign(1, 0);
  for (std::size_t id = 0; id < v.size(); ++id) {
    subword_rows_.push_back(static_cast<std::int32_t>(id));
    if (id != Vocabulary::kUnkId) {
      append_subword_rows(v.token(static_cast<std::int32_t>(id)), config_.ngrams, static_cast<std::int64_t>(v.size()),
                          subword_rows_);
    }
    subword_starts_.push_back(static_cast<std::uint32_t>(subword_rows_.size()));
  }
}

RowMatrix Word2vecTrainer::word_rows() const {
  const Eigen::Index words = static_cast<Eigen::Index>(corpus_.vocabulary().size()) - 1;
  if (!config_.subwords) return input_.middleRows(1, words);
  RowMatrix out(words, input_.cols());
  for (Eigen::Index w = 0; w < words; ++w) {
    const std::size_t id = static_cast<std::size_t>(w) + 1;
    mean_of_rows(input_, subword_rows_.data() + subword_starts_[id], subword_starts_[id + 1] - subword_starts_[id],
                 out.row(w).data());
  }
  return out;
}

void Word2vecTrainer::check_trainable() const {
  const Vocabulary& v = corpus_.vocabulary();
  if (v.size() == 2) {
    throw std::invalid_argument("the vocabulary has only one word ('" + v.token(1) + "') after min_count " +
                                std::to_string(config_.min_count) + "; CBOW needs at least two distinct words");
  }
  for (std::size_t s = 0; s < corpus_.sentence_count(); ++s) {
    if (corpus_.sentence_length(s) >= 2) return;
  }
  throw std::invalid_argument("no line has two or more vocabulary words, so no word has a context "
                              "(put several words on each line, or lower min_count)");
}

// Thread t gets a contiguous run of sentences holding about 1/T of the words.
void Word2vecTrainer::split_sentences() {
  const std::size_t threads = static_cast<std::size_t>(config_.threads);
  const std::size_t n = corpus_.sentence_count();
  std::size_t begin = 0;
  for (std::size_t t = 0; t < threads; ++t) {
    const std::uint64_t goal = corpus_.words() * (t + 1) / threads;
    std::size_t end = begin;
    while (end < n && (t + 1 == threads || corpus_.sentence_start(end) < goal)) ++end;
    cursors_.push_back({begin, end, begin, begin == end ? config_.epochs : 0});
    begin = end;
  }
}

float Word2vecTrainer::current_alpha() const noexcept {
  const double total = static_cast<double>(corpus_.words()) * config_.epochs + 1.0;
  const double fraction = 1.0 - static_cast<double>(words_done_.load(std::memory_order_relaxed)) / total;
  return static_cast<float>(config_.alpha * std::max(fraction, 1e-4));
}

// Trains thread t's sentences until `quota` words are read or its epochs are done.
std::uint64_t Word2vecTrainer::run(std::size_t t, std::uint64_t quota) {
  Cursor& cur = cursors_[t];
  Word2vecWorker& worker = *workers_[t];
  std::uint64_t done = 0;
  while (done < quota && cur.epoch < config_.epochs && !diverged_.load(std::memory_order_relaxed)) {
    const std::size_t length = corpus_.sentence_length(cur.next);
    const std::int32_t* ids = corpus_.ids().data() + corpus_.sentence_start(cur.next);
    if (!worker.train_sentence(ids, length, current_alpha())) {
      diverged_ = true;
      break;
    }
    words_done_.fetch_add(length, std::memory_order_relaxed);
    done += length;
    if (++cur.next == cur.end) {
      cur.next = cur.begin;
      ++cur.epoch;
    }
  }
  return done;
}

Word2vecProgress Word2vecTrainer::train(std::uint64_t n_words) {
  if (released_) throw std::logic_error("the trainer's weights were released");
  if (diverged_) throw_diverged();
  const auto start = std::chrono::steady_clock::now();
  const std::size_t threads = cursors_.size();
  if (threads == 1) {
    run(0, n_words);
  } else {
    const std::uint64_t quota = (n_words + threads - 1) / threads;
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back([this, t, quota] { run(t, quota); });
    for (auto& th : pool) th.join();
  }
  seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (diverged_) throw_diverged();
  return progress();
}

void Word2vecTrainer::throw_diverged() const {
  std::ostringstream msg;
  msg << "training diverged: the loss became NaN or infinite after " << words_done_.load() << " of "
      << corpus_.words() * static_cast<std::uint64_t>(config_.epochs) << " words (alpha " << config_.alpha
      << "); try a smaller alpha";
  throw std::runtime_error(msg.str());
}

bool Word2vecTrainer::finished() const noexcept {
  for (const auto& c : cursors_) {
    if (c.epoch < config_.epochs) return false;
  }
  return true;
}

Word2vecProgress Word2vecTrainer::progress() const {
  Word2vecProgress p;
  p.words_done = words_done_.load();
  p.total_words = corpus_.words() * static_cast<std::uint64_t>(config_.epochs);
  p.finished = finished();
  int epoch = config_.epochs;
  for (const auto& c : cursors_) epoch = std::min(epoch, c.epoch + 1);
  p.epoch = std::min(epoch, config_.epochs);
  double sum = 0.0;
  std::uint64_t count = 0;
  for (const auto& w : workers_) {
    sum += w->loss().sum();
    count += w->loss().count();
  }
  p.loss = count ? sum / static_cast<double>(count) : std::numeric_limits<double>::quiet_NaN();
  p.learning_rate = current_alpha();
  p.seconds = seconds_;
  p.words_per_second = seconds_ > 0.0 ? static_cast<double>(p.words_done) / seconds_ : 0.0;
  p.eta_seconds = p.words_per_second > 0.0 ? static_cast<double>(p.total_words - p.words_done) / p.words_per_second : 0.0;
  return p;
}

WordVectors Word2vecTrainer::word_vectors() const {
  if (diverged_) throw_diverged();
  RowMatrix rows = word_rows();
  if (!rows.allFinite()) throw std::runtime_error("the word vectors contain NaN or infinite values; try a smaller alpha");
  const Vocabulary& v = corpus_.vocabulary();
  std::vector<std::string> words;
  words.reserve(v.size() - 1);
  for (std::size_t id = 1; id < v.size(); ++id) words.push_back(v.token(static_cast<std::int32_t>(id)));
  return WordVectors(std::move(words), std::move(rows));
}

void Word2vecTrainer::check_exportable() const {
  if (!config_.subwords) throw std::logic_error("subword_model() needs a trainer with subwords");
  if (released_) throw std::logic_error("the subword model was already released");
  if (diverged_) throw_diverged();
  if (!input_.allFinite()) throw std::runtime_error("the word vectors contain NaN or infinite values; try a smaller alpha");
}

SubwordModel Word2vecTrainer::make_subword_model(RowMatrix input, RowMatrix output) const {
  FastTextArgs a;
  a.dim = config_.size;
  a.ws = config_.window;
  a.epoch = config_.epochs;
  a.min_count = static_cast<std::int32_t>(std::min<std::uint64_t>(config_.min_count, 0x7FFFFFFF));
  a.neg = config_.negative;
  a.model = config_.arch == Architecture::Cbow ? FastTextArgs::kCbow : FastTextArgs::kSkipGram;
  a.bucket = static_cast<std::int32_t>(config_.ngrams.bucket);
  a.minn = config_.ngrams.minn;
  a.maxn = config_.ngrams.maxn;
  a.t = config_.sample;
  const Vocabulary& v = corpus_.vocabulary();
  std::vector<std::string> words;
  std::vector<std::int64_t> counts;
  for (std::size_t id = 1; id < v.size(); ++id) {
    words.push_back(v.token(static_cast<std::int32_t>(id)));
    counts.push_back(static_cast<std::int64_t>(v.counts()[id]));
  }
  return SubwordModel(a, std::move(words), std::move(counts), static_cast<std::int64_t>(corpus_.raw_words()),
                      std::move(input), std::move(output));
}

SubwordModel Word2vecTrainer::subword_model() const {
  check_exportable();
  return make_subword_model(input_.bottomRows(input_.rows() - 1), output_.bottomRows(output_.rows() - 1));
}

namespace {

// Drops row 0 ([UNK]) in place: the rows move up, the allocation shrinks (no second copy).
RowMatrix without_first_row(RowMatrix&& m) {
  const Eigen::Index rows = m.rows(), cols = m.cols();
  std::memmove(m.data(), m.data() + cols, sizeof(float) * static_cast<std::size_t>((rows - 1) * cols));
  m.conservativeResize(rows - 1, cols);
  return std::move(m);
}

}  // namespace

SubwordModel Word2vecTrainer::release_subword_model() {
  check_exportable();
  released_ = true;
  return make_subword_model(without_first_row(std::move(input_)), without_first_row(std::move(output_)));
}

}  // namespace embplay
