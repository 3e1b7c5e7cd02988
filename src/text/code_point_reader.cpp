// See code_point_reader.h.
#include "text/code_point_reader.h"

namespace embplay {
namespace {

struct AsciiProps {
  std::uint8_t props[128];
  AsciiProps() noexcept {
    for (char32_t cp = 0; cp < 128; ++cp) props[cp] = char_props(cp);
  }
};

}  // namespace

const std::uint8_t* ascii_char_props() noexcept {
  static const AsciiProps table;
  return table.props;
}

}  // namespace embplay
