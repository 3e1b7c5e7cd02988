// A tokenised text: token strings plus the byte span each came from.
//
// Stored as a structure of arrays (one text buffer, offset and span vectors) so that
// a 20 MB paste with millions of tokens stays compact, and so the spans can cross
// into JavaScript as typed-array views without building one object per token.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace embplay {

class TokenSequence {
 public:
  // Appends a token. `text` is the vocabulary key (normalised, e.g. lowercased);
  // [start, end) is its byte span in the source; `continues_word` marks a subword
  // piece that continues the previous piece of the same word (shown as "##piece").
  void push(std::string_view text, std::uint32_t start, std::uint32_t end, bool continues_word = false);
  void reserve(std::size_t tokens, std::size_t text_bytes);

  std::size_t size() const noexcept { return starts_.size(); }
  bool empty() const noexcept { return starts_.empty(); }

  std::string_view text(std::size_t i) const noexcept {
    return std::string_view(text_).substr(text_offsets_[i], text_offsets_[i + 1] - text_offsets_[i]);
  }
  // The text as shown to people: "##" + text for word-continuing pieces.
  std::string display_text(std::size_t i) const;
  std::uint32_t start(std::size_t i) const noexcept { return starts_[i]; }
  std::uint32_t end(std::size_t i) const noexcept { return ends_[i]; }
  bool continues_word(std::size_t i) const noexcept { return continues_[i] != 0; }

  const std::vector<std::uint32_t>& starts() const noexcept { return starts_; }
  const std::vector<std::uint32_t>& ends() const noexcept { return ends_; }
  const std::vector<std::uint8_t>& continues() const noexcept { return continues_; }

  // Number of invalid UTF-8 sequences in the source that were read as U+FFFD.
  std::size_t invalid_utf8() const noexcept { return invalid_utf8_; }
  void set_invalid_utf8(std::size_t n) noexcept { invalid_utf8_ = n; }

 private:
  std::string text_;
  std::vector<std::uint32_t> text_offsets_{0};
  std::vector<std::uint32_t> starts_;
  std::vector<std::uint32_t> ends_;
  std::vector<std::uint8_t> continues_;
  std::size_t invalid_utf8_ = 0;
};

}  // namespace embplay
