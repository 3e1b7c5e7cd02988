// Fuzz target: GPT-2's byte-level BPE with arbitrary vocabularies: the ranks asset parser
// (src/gpt2/gpt2_ranks.h) and the merge loops (gpt2_merge.h) on vocabularies the real r50k_base
// never exercises (long tokens, many ways to build one token, pieces past the heap threshold).
// Input: byte 0 even = structured, odd = raw asset.
//  * raw: the rest is parsed as an asset; it is refused with std::invalid_argument, or every
//    ordinary rank r has rank_of(token_bytes(r)) == r, every byte its own token, and merge(l, r)
//    names the token whose bytes are bytes(l) + bytes(r) for every split of every token.
//  * structured: the rest is "extra tokens separated by NUL, NUL NUL, text"; the vocabulary is the
//    256 bytes then the extra tokens (repeats dropped) in rank order, built with
//    make_gpt2_ranks_asset. The same invariants hold, and the encoder's ids equal a slow reference
//    (per pre-token piece: the whole piece if it is a token, else join the adjacent pair of lowest
//    rank, leftmost first), decode gives the text back (U+FFFD for ill-formed parts), and the scan
//    and heap merges agree on the whole text taken as one piece.
#include <set>
#include <stdexcept>

#include "fuzz_check.h"
#include "gpt2_reference_merge.h"
#include "gpt2/gpt2_bpe.h"
#include "gpt2/gpt2_merge.h"
#include "gpt2/gpt2_pretokenizer.h"
#include "gpt2/gpt2_ranks.h"

namespace {

using namespace embplay;

void check_invariants(const Gpt2Ranks& ranks) {
  for (int b = 0; b < 256; ++b) {
    const std::int32_t r = ranks.byte_rank(static_cast<std::uint8_t>(b));
    FUZZ_CHECK(r >= 0 && ranks.token_bytes(r) == std::string(1, static_cast<char>(b)));
  }
  for (std::int32_t r = 0; r < static_cast<std::int32_t>(ranks.token_count()); ++r) {
    const std::string_view token = ranks.token_bytes(r);
    FUZZ_CHECK(!token.empty() && token.size() <= ranks.max_token_length() && ranks.rank_of(token) == r);
    FUZZ_CHECK(!ranks.is_special(r));
    for (std::size_t k = 1; k < token.size(); ++k) {
      const std::int32_t left = ranks.rank_of(token.substr(0, k));
      const std::int32_t right = ranks.rank_of(token.substr(k));
      if (left != Gpt2Ranks::kNone && right != Gpt2Ranks::kNone) FUZZ_CHECK(ranks.merge(left, right) == r);
    }
  }
  FUZZ_CHECK(ranks.vocab_size() >= ranks.token_count());
}

void check_raw(std::string_view asset) {
  try {
    const Gpt2Ranks ranks(asset);
    check_invariants(ranks);
  } catch (const std::invalid_argument&) {
  }
}

void check_structured(std::string_view rest) {
  const std::size_t split = rest.find(std::string_view("\0\0", 2));
  const std::string_view listed = rest.substr(0, split);
  const std::string_view text = split == std::string_view::npos ? std::string_view() : rest.substr(split + 2);
  std::vector<std::string> tokens;
  std::set<std::string> seen;
  for (int b = 0; b < 256; ++b) tokens.emplace_back(1, static_cast<char>(b)), seen.insert(tokens.back());
  for (std::size_t pos = 0; pos <= listed.size();) {
    std::size_t end = listed.find('\0', pos);
    if (end == std::string_view::npos) end = listed.size();
    const std::string token(listed.substr(pos, end - pos));
    if (!token.empty() && token.size() <= 255 && seen.insert(token).second) tokens.push_back(token);
    pos = end + 1;
  }
  const Gpt2Bpe bpe(make_gpt2_ranks_asset(tokens, {{static_cast<std::int32_t>(tokens.size()), "<|endoftext|>"}}));
  const Gpt2Ranks& ranks = bpe.ranks();
  FUZZ_CHECK(ranks.token_count() == tokens.size() && ranks.vocab_size() == tokens.size() + 1);
  check_invariants(ranks);

  const std::vector<std::int32_t> ids = bpe.encode_ids(text);
  FUZZ_CHECK(bpe.decode(ids) == sanitize_utf8(text));
  const std::string clean = sanitize_utf8(text);
  std::vector<std::int32_t> expected;
  for (const Gpt2Piece& p : gpt2_pretokenize(clean)) {
    const auto reference = fuzz::reference_merge(ranks, std::string_view(clean).substr(p.start, p.end - p.start));
    expected.insert(expected.end(), reference.begin(), reference.end());
  }
  FUZZ_CHECK(ids == expected);
  if (text.empty()) return;
  std::vector<Gpt2Part> scan, heap;
  gpt2_merge_scan(ranks, text, scan);
  gpt2_merge_heap(ranks, text, heap);
  FUZZ_CHECK(scan.size() == heap.size());
  for (std::size_t k = 0; k < scan.size(); ++k) FUZZ_CHECK(scan[k].id == heap[k].id && scan[k].start == heap[k].start);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view rest = fuzz::as_text(data + 1, size - 1);
  if (data[0] & 1) check_raw(rest);
  else check_structured(rest);
  return 0;
}
