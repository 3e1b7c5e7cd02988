// Fuzz target: the float parser of the vector readers (src/vectors/float_field.h). Input: the field.
// Property: parse_float_field accepts exactly the fields that std::strtof consumes whole (non-empty,
// end pointer at the end), and then returns strtof's float bit for bit (sign of zero, NaN bits and
// subnormals included). Inputs holding a NUL are skipped: strtof cannot see past it.
#include <cstring>

#include "fuzz_check.h"
#include "vectors/float_field.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view field = embplay::fuzz::as_text(data, size);
  if (field.find('\0') != std::string_view::npos) return 0;
  const std::string copy(field);
  char* end = nullptr;
  const float expected = std::strtof(copy.c_str(), &end);
  const bool whole = !copy.empty() && end == copy.c_str() + copy.size();
  const std::optional<float> got = embplay::parse_float_field(field);
  FUZZ_CHECK(got.has_value() == whole);
  if (got) {
    std::uint32_t a, b;
    std::memcpy(&a, &*got, 4);
    std::memcpy(&b, &expected, 4);
    FUZZ_CHECK(a == b);
  }
  return 0;
}
