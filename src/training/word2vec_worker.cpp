// See word2vec_worker.h.
#include "training/word2vec_worker.h"

#include <algorithm>
#include <cmath>

#include "math/strict_float.h"
#include "math/vector_ops.h"
#include "training/skipgram_update.h"

EMBPLAY_STRICT_FLOAT

namespace embplay {

std::vector<std::uint32_t> subsampling_thresholds(const std::vector<std::uint64_t>& counts, std::uint64_t total,
                                                  double sample) {
  std::vector<std::uint32_t> keep(counts.size(), kAlwaysKeep);
  if (sample <= 0.0 || total == 0) return keep;
  const double st = sample * static_cast<double>(total);
  for (std::size_t id = 0; id < counts.size(); ++id) {
    if (counts[id] == 0) continue;
    const double c = static_cast<double>(counts[id]);
    const double p = (std::sqrt(c / st) + 1.0) * st / c;
    if (p < 1.0) keep[id] = static_cast<std::uint32_t>(std::ldexp(p, 32));
  }
  return keep;
}

Word2vecWorker::Word2vecWorker(const Word2vecShared& shared, std::uint64_t seed, std::uint64_t loss_window)
    : shared_(shared), rng_(seed), loss_(loss_window) {
  const int dim = shared.weights.dim;
  negatives_.resize(static_cast<std::size_t>(shared.negative));
  for (auto& slot : slots_) {
    slot.negatives.resize(static_cast<std::size_t>(shared.negative));
    slot.context.reserve(2 * static_cast<std::size_t>(shared.window));
  }
  h_.resize(static_cast<std::size_t>(dim));
  e_.resize(static_cast<std::size_t>(dim));
  context_.reserve(2 * static_cast<std::size_t>(shared.window));
  scratch_.reserve(shared.batch, shared.negative, dim);
}

bool Word2vecWorker::train_sentence(const std::int32_t* ids, std::size_t n, float alpha) {
  subsample(ids, n);
  trained_ = 0;
  double loss;
  if (shared_.arch == Architecture::SkipGram) loss = train_skipgram(alpha);
  else if (shared_.subword_rows) loss = train_cbow_subwords(alpha);
  else loss = shared_.batch == 1 ? train_per_word(alpha) : train_batched(alpha);
  loss_.add(loss, trained_);
  return std::isfinite(loss);
}

void Word2vecWorker::subsample(const std::int32_t* ids, std::size_t n) {
  const std::vector<std::uint32_t>& keep = *shared_.keep;
  kept_.clear();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t threshold = keep[static_cast<std::size_t>(ids[i])];
    if (threshold == kAlwaysKeep || rng_.next_u32() < threshold) kept_.push_back(ids[i]);
  }
}

void Word2vecWorker::gather_context(std::size_t i, std::vector<std::int32_t>& context) {
  const std::size_t reach = static_cast<std::size_t>(shared_.window) - rng_.below(static_cast<std::uint32_t>(shared_.window));
  const std::size_t lo = i >= reach ? i - reach : 0;
  const std::size_t hi = std::min(kept_.size() - 1, i + reach);
  context.clear();
  for (std::size_t p = lo; p <= hi; ++p) {
    if (p != i) context.push_back(kept_[p]);
  }
}

void Word2vecWorker::draw_negatives(std::vector<std::int32_t>& negatives) {
  for (auto& n : negatives) n = shared_.sampler->draw(rng_);
}

void Word2vecWorker::prefetch_output_rows(const std::vector<std::int32_t>& ids) {
  const int dim = shared_.weights.dim;
  for (std::int32_t id : ids) {
    touched_ += prefetch(shared_.weights.output + static_cast<std::size_t>(id) * static_cast<std::size_t>(dim), dim);
  }
}

// Word i + 1's window and noise words are drawn, and its noise rows prefetched, before word
// i is updated: the random stream is consumed in the same order as without the look-ahead
// (so results are identical), and the cache misses on the noise rows overlap with work.
double Word2vecWorker::train_per_word(float alpha) {
  double loss = 0.0;
  const std::size_t n = kept_.size();
  auto prepare = [&](std::size_t i, Slot& slot) {
    gather_context(i, slot.context);
    if (slot.context.empty()) return;
    draw_negatives(slot.negatives);
    prefetch_output_rows(slot.negatives);
  };
  if (n > 0) prepare(0, slots_[0]);
  for (std::size_t i = 0; i < n; ++i) {
    Slot& current = slots_[i & 1];
    if (i + 1 < n) prepare(i + 1, slots_[(i + 1) & 1]);
    if (current.context.empty()) continue;
    loss += cbow_update_word(shared_.weights, current.context.data(), static_cast<int>(current.context.size()), kept_[i],
                             current.negatives.data(), shared_.negative, alpha, *shared_.sigmoid, h_.data(), e_.data());
    ++trained_;
  }
  return loss;
}

double Word2vecWorker::train_batched(float alpha) {
  double loss = 0.0;
  const std::size_t b = static_cast<std::size_t>(shared_.batch);
  for (std::size_t start = 0; start < kept_.size(); start += b) {
    targets_.clear();
    batch_context_.clear();
    batch_starts_.assign(1, 0);
    for (std::size_t i = start; i < std::min(start + b, kept_.size()); ++i) {
      gather_context(i, context_);
      if (context_.empty()) continue;
      targets_.push_back(kept_[i]);
      batch_context_.insert(batch_context_.end(), context_.begin(), context_.end());
      batch_starts_.push_back(static_cast<int>(batch_context_.size()));
    }
    if (targets_.empty()) continue;
    draw_negatives(negatives_);
    prefetch_output_rows(negatives_);
    const CbowBatch batch{targets_.data(), static_cast<int>(targets_.size()), batch_context_.data(), batch_starts_.data()};
    loss += cbow_update_batch(shared_.weights, batch, negatives_.data(), shared_.negative, alpha, *shared_.sigmoid, scratch_);
    trained_ += targets_.size();
  }
  return loss;
}

void Word2vecWorker::input_rows(const std::int32_t* ids, std::size_t n) {
  bag_.clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (!shared_.subword_rows) {
      bag_.push_back(ids[i]);
      continue;
    }
    const std::size_t id = static_cast<std::size_t>(ids[i]);
    bag_.insert(bag_.end(), shared_.subword_rows + shared_.subword_starts[id],
                shared_.subword_rows + shared_.subword_starts[id + 1]);
  }
}

// Skip-gram, one pair per context word, fresh noise words per pair; the loss window counts
// pairs. Whole words as word2vec.c and gensim: each context word's input row predicts the
// centre word. Subwords as fastText: the centre word's rows predict each context word.
// (Either way every pair is trained once, but on GCIDE the word2vec order scored 18.6 % analogies
// against 17.5 % for whole words, seed 1; README, "Skip-gram and subwords".)
double Word2vecWorker::train_skipgram(float alpha) {
  double loss = 0.0;
  const bool subwords = shared_.subword_rows != nullptr;
  for (std::size_t i = 0; i < kept_.size(); ++i) {
    gather_context(i, context_);
    if (context_.empty()) continue;
    if (subwords) input_rows(&kept_[i], 1);
    for (const std::int32_t word : context_) {
      if (!subwords) input_rows(&word, 1);
      const std::int32_t target = subwords ? word : kept_[i];
      draw_negatives(negatives_);
      loss += skipgram_update_pair(shared_.weights, bag_.data(), static_cast<int>(bag_.size()), target, negatives_.data(),
                                   shared_.negative, alpha, *shared_.sigmoid, h_.data(), e_.data());
      ++trained_;
    }
  }
  return loss;
}

// fastText's CBOW: h is the mean over the input rows of all context words together.
double Word2vecWorker::train_cbow_subwords(float alpha) {
  double loss = 0.0;
  for (std::size_t i = 0; i < kept_.size(); ++i) {
    gather_context(i, context_);
    if (context_.empty()) continue;
    draw_negatives(negatives_);
    input_rows(context_.data(), context_.size());
    loss += cbow_update_word(shared_.weights, bag_.data(), static_cast<int>(bag_.size()), kept_[i], negatives_.data(),
                             shared_.negative, alpha, *shared_.sigmoid, h_.data(), e_.data());
    ++trained_;
  }
  return loss;
}

}  // namespace embplay
