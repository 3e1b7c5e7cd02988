// See token_sequence.h.
#include "text/token_sequence.h"

namespace embplay {

void TokenSequence::push(std::string_view text, std::uint32_t start, std::uint32_t end, bool continues_word) {
  text_.append(text);
  text_offsets_.push_back(static_cast<std::uint32_t>(text_.size()));
  starts_.push_back(start);
  ends_.push_back(end);
  continues_.push_back(continues_word ? 1 : 0);
}

void TokenSequence::reserve(std::size_t tokens, std::size_t text_bytes) {
  text_.reserve(text_bytes);
  text_offsets_.reserve(tokens + 1);
  starts_.reserve(tokens);
  ends_.reserve(tokens);
  continues_.reserve(tokens);
}

std::string TokenSequence::display_text(std::size_t i) const {
  std::string out = continues_word(i) ? "##" : "";
  out.append(text(i));
  return out;
}

}  // namespace embplay
