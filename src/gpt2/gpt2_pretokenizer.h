// GPT-2's pre-tokenisation: the text is cut into pieces before byte-pair merging, and no
// token ever crosses a piece boundary. GPT-2 (and tiktoken's r50k_base) cut with the regex
//
//   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
//
// which this file reproduces by hand, alternative by alternative, over the generated
// Unicode tables (unicode.h): contractions (ASCII apostrophe, lowercase, only at the start
// of a piece), runs of letters, of numbers, or of other characters, each with at most one
// leading U+0020 space, then whitespace runs. A whitespace run followed by a non-space
// leaves its last character to the next piece (so " x" keeps its space: "a   x" is
// "a", "  ", " x"), and a lone whitespace character before a non-space is a piece of its own.
//
// \s is the Unicode White_Space property, as in tiktoken's Rust regex (JavaScript's \s
// differs on U+0085 and U+FEFF; js-tiktoken follows JavaScript there).
//
// Invalid UTF-8: each maximal ill-formed subpart counts as one U+FFFD (utf8.h), an "other"
// character, exactly as if the text had first been decoded by TextDecoder (or tiktoken had
// been given the str with lone surrogates replaced): the piece boundaries are those of the
// replaced text, mapped back onto the original bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace embplay {

// One piece: bytes [start, end) of the text.
struct Gpt2Piece {
  std::uint32_t start;
  std::uint32_t end;
  bool invalid_utf8;  // the piece holds at least one ill-formed sequence (read as U+FFFD)
};

// The piece starting at byte `pos` (< text.size(), at a character boundary).
Gpt2Piece gpt2_next_piece(std::string_view text, std::size_t pos) noexcept;

// All pieces of `text`, in order; they tile the text. Throws std::invalid_argument for
// texts of 4 GiB or more (offsets are 32-bit).
std::vector<Gpt2Piece> gpt2_pretokenize(std::string_view text);

// Throws std::invalid_argument unless `text` fits 32-bit byte offsets.
void check_gpt2_text_size(std::string_view text);

}  // namespace embplay
