// Fuzz target: GPT-2's pre-tokenizer (src/gpt2/gpt2_pretokenizer.h). Input: any bytes.
// Properties:
//  * the pieces tile the input in order (non-empty, each starting where the last ended), on
//    code-point boundaries, flagged invalid_utf8 exactly when they hold an ill-formed subpart, and
//    gpt2_next_piece at each piece's start gives that piece;
//  * they are the matches of GPT-2's regex
//      's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
//    computed by a slow reference that tries the alternatives in order, with the regex's
//    backtracking spelled out, over the decoded code points (U+FFFD for each ill-formed subpart).
#include "fuzz_check.h"
#include "gpt2/gpt2_pretokenizer.h"
#include "text/unicode.h"

namespace {

using namespace embplay;

bool space(char32_t c) { return is_white_space(c); }
bool letter(char32_t c) { return is_letter(c); }
bool number(char32_t c) { return is_number(c); }
bool other(char32_t c) { return !space(c) && !letter(c) && !number(c); }

// Length in code points of the regex match at `i` (always >= 1).
std::size_t reference_match(const std::vector<char32_t>& cp, std::size_t i) {
  const std::size_t n = cp.size();
  const auto at = [&](std::size_t k) -> char32_t { return k < n ? cp[k] : 0xFFFFFFFFu; };
  if (cp[i] == U'\'') {
    for (const char* tail : {"s", "t", "re", "ve", "m", "ll", "d"}) {
      std::size_t len = 0;
      while (tail[len] && at(i + 1 + len) == static_cast<char32_t>(tail[len])) ++len;
      if (tail[len] == '\0') return 1 + len;
    }
  }
  for (bool (*cls)(char32_t) : {letter, number, other}) {  // ` ?X+`, the space first if it helps
    std::size_t j = i;
    if (cp[j] == U' ' && j + 1 < n && cls(cp[j + 1])) ++j;
    if (!cls(cp[j])) continue;
    while (j < n && cls(cp[j])) ++j;
    return j - i;
  }
  std::size_t k = i;  // cp[i] is white space here
  while (k < n && space(cp[k])) ++k;
  if (k == n || k - 1 == i) return k - i;  // \s+(?!\S) to the end, or \s+ of one before a non-space
  return k - 1 - i;                        // \s+(?!\S) backs off one: the last space goes on
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const std::vector<Gpt2Piece> pieces = gpt2_pretokenize(text);

  // Code points, their byte offsets and validity.
  std::vector<char32_t> cps;
  std::vector<std::size_t> offset;
  std::vector<bool> valid;
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedChar c = decode_utf8(text, pos);
    cps.push_back(c.cp), offset.push_back(pos), valid.push_back(c.valid);
    pos += c.length;
  }
  offset.push_back(text.size());

  std::size_t i = 0;  // code point index
  for (const Gpt2Piece& p : pieces) {
    FUZZ_CHECK(i < cps.size() && p.start == offset[i]);
    const std::size_t len = reference_match(cps, i);
    FUZZ_CHECK(len >= 1 && i + len <= cps.size());
    FUZZ_CHECK(p.end == offset[i + len]);
    bool invalid = false;
    for (std::size_t k = i; k < i + len; ++k) invalid = invalid || !valid[k];
    FUZZ_CHECK(p.invalid_utf8 == invalid);
    const Gpt2Piece next = gpt2_next_piece(text, p.start);
    FUZZ_CHECK(next.start == p.start && next.end == p.end && next.invalid_utf8 == p.invalid_utf8);
    i += len;
  }
  FUZZ_CHECK(i == cps.size());
  return 0;
}
