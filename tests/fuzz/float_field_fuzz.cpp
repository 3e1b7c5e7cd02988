// Fuzz target: the float parser of the vector readers (src/vectors/float_field.h).
// Property: parse_float_field accepts exactly the fields that std::strtof consumes whole (non-empty,
// end pointer at the end), and then returns strtof's float bit for bit (sign of zero, NaN bits and
// subnormals included). Checked on two fields per input:
//  * the input itself (inputs holding a NUL are skipped: strtof cannot see past it);
//  * a decimal near the midpoint of two adjacent floats, built from the first 6 bytes (a float's
//    bits, a digit count of 12..19, a step of -8..7 doubles away from the midpoint): the fields where
//    a double-then-float rounding could differ from strtof, which random mutation almost never
//    spells (a plain mutation fuzzer did not notice the fast path's halfway guard removed).
#include <cmath>
#include <cstring>

#include "fuzz_check.h"
#include "vectors/float_field.h"

namespace {

void check(const std::string& field) {
  char* end = nullptr;
  const float expected = std::strtof(field.c_str(), &end);
  const bool whole = !field.empty() && end == field.c_str() + field.size();
  const std::optional<float> got = embplay::parse_float_field(field);
  FUZZ_CHECK(got.has_value() == whole);
  if (got) {
    std::uint32_t a, b;
    std::memcpy(&a, &*got, 4);
    std::memcpy(&b, &expected, 4);
    FUZZ_CHECK(a == b);
  }
}

std::string near_midpoint(const std::uint8_t* data) {
  std::uint32_t bits;
  std::memcpy(&bits, data, 4);
  float f;
  std::memcpy(&f, &bits, 4);
  if (!std::isfinite(f)) f = 1.0f;
  const float next = std::nextafter(f, INFINITY);
  double x = (static_cast<double>(f) + static_cast<double>(next)) / 2;
  for (int step = static_cast<int>(data[5] & 15) - 8; step != 0; step += step < 0 ? 1 : -1)
    x = std::nextafter(x, step < 0 ? -INFINITY : INFINITY);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*e", 11 + data[4] % 8, x);
  return buf;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view field = embplay::fuzz::as_text(data, size);
  if (field.find('\0') == std::string_view::npos) check(std::string(field));
  if (size >= 6) check(near_midpoint(data));
  return 0;
}
