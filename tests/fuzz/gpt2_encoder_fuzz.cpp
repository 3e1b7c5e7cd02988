// Fuzz target: GPT-2's encoder (src/gpt2/gpt2_bpe.h, gpt2_merge.h) with the real r50k_base ranks,
// loaded once from build-asan/assets/gpt2-ranks.bin (or $EMBPLAY_GPT2_RANKS). Input: any bytes.
// Properties:
//  * decode(encode(x)) == x for valid UTF-8, and x with each ill-formed subpart replaced by U+FFFD
//    otherwise; ids are ordinary tokens (never <|endoftext|>);
//  * encode_ids, encode_spans and encode agree on the ids; encode's token texts are the tokens'
//    bytes drawn by the byte map; invalid_utf8 counts the ill-formed subparts;
//  * spans tile the input in order (each starts where the last ended, from 0 to the end); for
//    valid UTF-8 each span is non-empty and holds exactly the token's bytes;
//  * each pre-token piece merges as tiktoken's byte-pair loop does, checked against a slow
//    reference (whole piece if it is a token, else repeatedly join the adjacent pair whose bytes
//    have the lowest rank, leftmost first), and the scan and heap merges agree.
#include <fstream>
#include <iterator>
#include <memory>

#include "fuzz_check.h"
#include "gpt2_reference_merge.h"
#include "gpt2/gpt2_bpe.h"
#include "gpt2/gpt2_byte_map.h"
#include "gpt2/gpt2_merge.h"
#include "gpt2/gpt2_pretokenizer.h"

namespace {

using namespace embplay;

const Gpt2Bpe* bpe = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* env = std::getenv("EMBPLAY_GPT2_RANKS");
  const std::string path = env ? env : EMBPLAY_GPT2_RANKS_FILE;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "gpt2_encoder fuzz: cannot read the ranks asset %s\n", path.c_str());
    std::exit(2);
  }
  static const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  static const Gpt2Bpe instance(bytes);
  bpe = &instance;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const Gpt2Ranks& ranks = bpe->ranks();
  const std::vector<std::int32_t> ids = bpe->encode_ids(text);
  const Gpt2Spans spans = bpe->encode_spans(text);
  const Gpt2Encoding full = bpe->encode(text);
  FUZZ_CHECK(spans.ids == ids && full.ids == ids);
  FUZZ_CHECK(spans.starts.size() == ids.size() && spans.ends.size() == ids.size() && full.tokens.size() == ids.size());
  FUZZ_CHECK(full.tokens.starts() == spans.starts && full.tokens.ends() == spans.ends);
  const std::size_t invalid = count_invalid_utf8(text);
  FUZZ_CHECK(spans.invalid_utf8 == invalid && full.tokens.invalid_utf8() == invalid);
  FUZZ_CHECK(bpe->decode(ids) == (invalid ? sanitize_utf8(text) : std::string(text)));

  std::uint32_t at = 0;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    FUZZ_CHECK(ids[i] >= 0 && static_cast<std::size_t>(ids[i]) < ranks.token_count());
    FUZZ_CHECK(full.tokens.text(i) == gpt2_bytes_to_printable(ranks.token_bytes(ids[i])));
    FUZZ_CHECK(spans.starts[i] == at && spans.starts[i] <= spans.ends[i] && spans.ends[i] <= text.size());
    if (invalid == 0) {
      FUZZ_CHECK(text.substr(spans.starts[i], spans.ends[i] - spans.starts[i]) == ranks.token_bytes(ids[i]));
    }
    at = spans.ends[i];
  }
  FUZZ_CHECK(at == text.size());

  const std::string clean = sanitize_utf8(text);
  std::vector<std::int32_t> expected;
  for (const Gpt2Piece& p : gpt2_pretokenize(clean)) {
    const std::string_view piece = std::string_view(clean).substr(p.start, p.end - p.start);
    const std::vector<std::int32_t> reference = fuzz::reference_merge(ranks, piece);
    expected.insert(expected.end(), reference.begin(), reference.end());
    std::vector<Gpt2Part> scan, heap;
    gpt2_merge_scan(ranks, piece, scan);
    gpt2_merge_heap(ranks, piece, heap);
    FUZZ_CHECK(scan.size() == heap.size());
    for (std::size_t k = 0; k < scan.size(); ++k) FUZZ_CHECK(scan[k].id == heap[k].id && scan[k].start == heap[k].start);
  }
  FUZZ_CHECK(expected == ids);
  return 0;
}
