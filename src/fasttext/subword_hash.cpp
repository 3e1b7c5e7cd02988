// See subword_hash.h.
#include "fasttext/subword_hash.h"

namespace embplay {

std::uint32_t subword_hash(std::string_view bytes) noexcept {
  std::uint32_t h = 2166136261u;
  for (const char c : bytes) {
    h = h ^ static_cast<std::uint32_t>(static_cast<std::int8_t>(c));
    h = h * 16777619u;
  }
  return h;
}

}  // namespace embplay
