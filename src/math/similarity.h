// Similarity between embedding rows: cosine, Euclidean distance, and top-k nearest rows.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "transformer/embedding_table.h"

namespace embplay {

enum class Metric { Cosine, Euclidean };

// "cosine" | "euclidean"; throws std::invalid_argument otherwise.
Metric parse_metric(std::string_view name);

// Cosine similarity; 0 when either vector is all zeros.
float cosine_similarity(const Eigen::Ref<const RowVector>& a, const Eigen::Ref<const RowVector>& b);
float euclidean_distance(const Eigen::Ref<const RowVector>& a, const Eigen::Ref<const RowVector>& b);

struct Neighbor {
  std::int32_t id;
  float score;  // cosine similarity (higher is nearer) or Euclidean distance (lower is nearer)
};

// The k rows nearest to row `query` (excluding it), nearest first; ties by lower id.
std::vector<Neighbor> nearest_rows(const RowMatrix& rows, std::int32_t query, std::size_t k, Metric metric);

}  // namespace embplay
