// GPT-2's tokenizer: byte-level BPE with the r50k_base ranks, giving the same ids as
// OpenAI's tiktoken (encode_ordinary: "<|endoftext|>" in the text is ordinary text).
//
//   text --pre-tokenise (gpt2_pretokenizer.h)--> pieces --merge by rank (gpt2_merge.h)--> ids
//
// Invalid UTF-8 is tokenised as if each maximal ill-formed subpart were U+FFFD (bytes
// EF BF BD): the ids are those tiktoken gives for the text after TextDecoder (or Python's
// errors="replace") and js-tiktoken for a JS string with lone surrogates. Spans still point
// into the original bytes. So decode(encode(x)) == x for valid UTF-8, and the replaced text
// otherwise.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gpt2/gpt2_ranks.h"
#include "text/token_sequence.h"

namespace embplay {

struct Gpt2Encoding {
  std::vector<std::int32_t> ids;
  // One entry per id: text is the token as GPT-2's vocabulary file writes it (bytes drawn
  // by gpt2_byte_map.h, "Ġworld"), [start, end) its bytes in the source text.
  TokenSequence tokens;
};

// Ids and spans only, without token texts: what the page needs for a large paste.
struct Gpt2Spans {
  std::vector<std::int32_t> ids;
  std::vector<std::uint32_t> starts;
  std::vector<std::uint32_t> ends;
  std::size_t invalid_utf8 = 0;  // ill-formed sequences read as U+FFFD
};

class Gpt2Bpe {
 public:
  // `ranks_asset`: the bytes of gpt2-ranks.bin (see gpt2_ranks.h).
  explicit Gpt2Bpe(std::string_view ranks_asset) : ranks_(ranks_asset) {}

  // All three throw std::invalid_argument for texts of 4 GiB or more.
  std::vector<std::int32_t> encode_ids(std::string_view text) const;
  Gpt2Spans encode_spans(std::string_view text) const;
  Gpt2Encoding encode(std::string_view text) const;

  // The bytes of the tokens, concatenated; throws std::invalid_argument for unknown ids.
  std::string decode(const std::vector<std::int32_t>& ids) const;

  // "Ġworld" for the id of " world"; throws std::invalid_argument for unknown ids.
  std::string token_text(std::int32_t id) const;

  std::size_t vocab_size() const noexcept { return ranks_.vocab_size(); }
  const Gpt2Ranks& ranks() const noexcept { return ranks_; }

 private:
  Gpt2Ranks ranks_;
};

}  // namespace embplay
