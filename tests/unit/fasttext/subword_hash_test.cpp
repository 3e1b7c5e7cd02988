// Tests for subword_hash.h against hashes recovered from Debian's fastText 0.9.2 with
// tests/unit/fasttext/fasttext_hash_probe.sh (the command and method are in that file).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "fasttext/subword_hash.h"

using namespace embplay;

namespace {

// Textbook FNV-1a (bytes zero-extended), to show where fastText departs from it.
std::uint32_t plain_fnv1a(const std::string& s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

}  // namespace

TEST_CASE("subword hash equals fastText's for ASCII, Hangul and emoji", "[fasttext][hash]") {
  // sh tests/unit/fasttext/fasttext_hash_probe.sh
  CHECK(subword_hash("<cab>") == 3957882543u);
  CHECK(subword_hash("<b>") == 2392495743u);
  CHECK(subword_hash("<왕과>") == 2151992230u);
  CHECK(subword_hash("<😀>") == 1850870420u);
}

TEST_CASE("subword hash sign-extends bytes >= 0x80 and only those", "[fasttext][hash]") {
  CHECK(subword_hash("") == 2166136261u);  // the FNV offset basis
  CHECK(subword_hash("<cab>") == plain_fnv1a("<cab>"));
  CHECK(subword_hash("<왕과>") != plain_fnv1a("<왕과>"));
  CHECK(subword_hash("\x80") == (2166136261u ^ 0xFFFFFF80u) * 16777619u);
}
