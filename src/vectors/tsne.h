// t-SNE (van der Maaten & Hinton 2008, "Visualizing Data using t-SNE", JMLR 9): a 2-D map
// in which words that are near in the vector space stay near. Exact O(n^2) gradients, fine
// for the few hundred to two thousand words the page plots; stepped a few iterations at a
// time so a worker can animate the map as it settles.
//
// Rows are scaled to unit length first, so distances follow cosine similarity, the measure
// the page's neighbours use. Affinities: a Gaussian per point whose width gives the chosen
// perplexity (binary search on the entropy), symmetrised, P = (P_j|i + P_i|j) / 2n. Optimiser
// as in the paper's reference code: early exaggeration (x12 for the first 100 iterations),
// momentum 0.5 then 0.8 after iteration 250, per-coordinate gains; learning rate
// max(n / 48, 50) unless given (Belkina et al. 2019, as scikit-learn's "auto": the paper's
// 200 made small maps erratic during early exaggeration).
// Start: uniform in [-1e-2, 1e-2) from src/math/random.h, so a seed gives the same map natively
// and in WASM (up to floating-point summation order).
#pragma once

#include <cstdint>
#include <vector>

#include "transformer/embedding_table.h"

namespace embplay {

inline constexpr std::size_t kMaxTsnePoints = 2000;

struct TsneConfig {
  double perplexity = 30.0;  // effective number of neighbours; capped at (n - 1) / 3 for small n
  double learning_rate = 0.0;  // 0 = max(n / 48, 50)
  std::uint64_t seed = 1;
};

// Conditional affinities P_j|i (n x n, row i sums to 1, diagonal 0) whose rows each have
// perplexity 2^H = `perplexity` (to 1e-5 in entropy), for rows of unit length.
Eigen::MatrixXd tsne_conditional_affinities(const Eigen::MatrixXd& unit_rows, double perplexity);

class Tsne {
 public:
  // Throws std::invalid_argument for fewer than 3 or more than kMaxTsnePoints rows, no
  // columns, a value that is not finite, a perplexity that is not positive or a negative
  // learning rate.
  Tsne(const RowMatrix& x, const TsneConfig& config);

  // Runs `iterations` more gradient steps.
  void step(int iterations);
  int iteration() const noexcept { return iteration_; }
  // n x 2, centred at the origin.
  const RowMatrix& coords() const noexcept { return coords_; }
  // KL(P || Q) of the current map (the quantity t-SNE minimises; O(n^2)).
  double kl_divergence() const;
  double perplexity() const noexcept { return perplexity_; }

 private:
  void gradient(Eigen::MatrixXd& grad) const;
  Eigen::MatrixXd p_;      // joint affinities, symmetric, sum 1
  Eigen::MatrixXd y_;      // n x 2 map
  Eigen::MatrixXd update_, gains_;
  RowMatrix coords_;
  double perplexity_;
  double learning_rate_;
  int iteration_ = 0;
};

}  // namespace embplay
