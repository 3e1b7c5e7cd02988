// Vocabularies for the [gpt2] tests: tiny hand-made ones, and the real r50k_base asset that
// the build converts from js-tiktoken (src/gpt2/gpt2_ranks.cmake passes its path).
#pragma once

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "gpt2/gpt2_bpe.h"
#include "gpt2/gpt2_ranks.h"

namespace embplay::test {

// The 256 one-byte tokens (rank = byte value) followed by `merged` (ranks 256, 257, ...).
inline std::vector<std::string> byte_tokens_then(const std::vector<std::string>& merged) {
  std::vector<std::string> tokens;
  for (int b = 0; b < 256; ++b) tokens.emplace_back(1, static_cast<char>(b));
  tokens.insert(tokens.end(), merged.begin(), merged.end());
  return tokens;
}

inline std::string gpt2_ranks_path() {
  if (const char* env = std::getenv("EMBPLAY_GPT2_RANKS")) return env;
#ifdef EMBPLAY_GPT2_RANKS_FILE
  return EMBPLAY_GPT2_RANKS_FILE;
#else
  return "";
#endif
}

// The real GPT-2 tokenizer, loaded once; fails the test if the asset was not built.
inline const Gpt2Bpe& real_gpt2() {
  static const std::unique_ptr<Gpt2Bpe> bpe = [] {
    const std::string path = gpt2_ranks_path();
    std::ifstream in(path, std::ios::binary);
    if (path.empty() || !in) return std::unique_ptr<Gpt2Bpe>();
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return std::make_unique<Gpt2Bpe>(bytes);
  }();
  if (!bpe) {
#ifdef EMBPLAY_GPT2_RANKS_MISSING
    if (!std::getenv("EMBPLAY_GPT2_RANKS")) FAIL("GPT-2 ranks were not built: " EMBPLAY_GPT2_RANKS_MISSING);
#endif
    FAIL("GPT-2 ranks asset not found at '" << gpt2_ranks_path()
                                             << "': build target gpt2_ranks or set EMBPLAY_GPT2_RANKS");
  }
  return *bpe;
}

}  // namespace embplay::test
