// The slow, obviously correct BPE merge the GPT-2 fuzz targets (gpt2_encoder_fuzz.cpp,
// gpt2_vocab_fuzz.cpp) compare the real merge (src/gpt2/gpt2_merge.h) with: start from single
// bytes and merge the adjacent pair of lowest rank until none is in the table (Sennrich et al.
// 2016; GPT-2's encoder.py `bpe`), a whole piece that is a token being one id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gpt2/gpt2_ranks.h"

namespace embplay::fuzz {

inline std::vector<std::int32_t> reference_merge(const Gpt2Ranks& ranks, std::string_view piece) {
  if (const std::int32_t whole = ranks.rank_of(piece); whole != Gpt2Ranks::kNone) return {whole};
  std::vector<std::string> parts;
  for (char byte : piece) parts.emplace_back(1, byte);
  for (;;) {
    std::size_t best = parts.size();
    std::int32_t best_rank = 0;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      const std::int32_t r = ranks.rank_of(parts[i] + parts[i + 1]);
      if (r != Gpt2Ranks::kNone && (best == parts.size() || r < best_rank)) best = i, best_rank = r;
    }
    if (best == parts.size()) break;
    parts[best] += parts[best + 1];
    parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(best) + 1);
  }
  std::vector<std::int32_t> ids;
  for (const auto& part : parts) ids.push_back(ranks.rank_of(part));
  return ids;
}

}  // namespace embplay::fuzz
