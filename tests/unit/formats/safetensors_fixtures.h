// The files tests/fixtures/make_safetensors.py writes at build time (its docstring lists them
// and the answers planted in them).
#pragma once

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace embplay::test {

inline std::string safetensors_fixture_path(const std::string& name) {
#ifdef EMBPLAY_SAFETENSORS_FIXTURES
  return std::string(EMBPLAY_SAFETENSORS_FIXTURES) + "/" + name;
#else
  return name;
#endif
}

// The whole file; fails the test if it is missing (build target safetensors_fixtures).
inline std::string safetensors_fixture(const std::string& name) {
  std::ifstream in(safetensors_fixture_path(name), std::ios::binary);
  if (!in) FAIL("missing test file " << safetensors_fixture_path(name) << ": build target safetensors_fixtures");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// KING = [1, 2, ..., 8] / 8, the row planted for "Ġking" and BERT's "king".
inline std::vector<float> planted_king() {
  std::vector<float> v;
  for (int i = 1; i <= 8; ++i) v.push_back(static_cast<float>(i) / 8.0f);
  return v;
}

}  // namespace embplay::test
