// A running mean over the most recent N items, kept as per-chunk (sum, count) records:
// the trainer's "loss averaged over the last N words", at the granularity of a sentence.
#pragma once

#include <cstdint>
#include <deque>
#include <limits>

namespace embplay {

class LossWindow {
 public:
  explicit LossWindow(std::uint64_t span = 100000) : span_(span) {}

  // Adds `count` items whose values sum to `sum`; drops the oldest chunks while the rest
  // still cover at least `span` items.
  void add(double sum, std::uint64_t count) {
    if (count == 0) return;
    chunks_.push_back({sum, count});
    sum_ += sum;
    count_ += count;
    while (count_ - chunks_.front().count >= span_) {
      sum_ -= chunks_.front().sum;
      count_ -= chunks_.front().count;
      chunks_.pop_front();
    }
  }

  double sum() const noexcept { return sum_; }
  std::uint64_t count() const noexcept { return count_; }
  double mean() const noexcept { return count_ ? sum_ / static_cast<double>(count_) : std::numeric_limits<double>::quiet_NaN(); }

 private:
  struct Chunk {
    double sum;
    std::uint64_t count;
  };
  std::uint64_t span_;
  std::deque<Chunk> chunks_;
  double sum_ = 0.0;
  std::uint64_t count_ = 0;
};

}  // namespace embplay
