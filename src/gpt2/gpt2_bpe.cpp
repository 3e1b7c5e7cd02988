// See gpt2_bpe.h.
#include "gpt2/gpt2_bpe.h"

#include "gpt2/gpt2_byte_map.h"
#include "gpt2/gpt2_merge.h"
#include "gpt2/gpt2_pretokenizer.h"
#include "text/utf8.h"

namespace embplay {
namespace {

// A piece with each ill-formed subpart replaced by U+FFFD, and for each of its byte offsets
// (and its end) the matching offset in the original piece. An offset inside a replacement
// maps to the end of the ill-formed bytes it replaced.
struct SanitizedPiece {
  std::string bytes;
  std::vector<std::uint32_t> source_offset;
};

SanitizedPiece sanitize_piece(std::string_view piece) {
  SanitizedPiece s;
  for (std::size_t pos = 0; pos < piece.size();) {
    const DecodedChar d = decode_utf8(piece, pos);
    const auto start = static_cast<std::uint32_t>(pos);
    const auto end = static_cast<std::uint32_t>(pos + d.length);
    if (d.valid) {
      s.bytes.append(piece.substr(pos, d.length));
      for (std::uint32_t k = start; k < end; ++k) s.source_offset.push_back(k);
    } else {
      s.bytes.append("\xEF\xBF\xBD");
      s.source_offset.insert(s.source_offset.end(), {start, end, end});
    }
    pos = end;
  }
  s.source_offset.push_back(static_cast<std::uint32_t>(piece.size()));
  return s;
}

// Calls emit(id, start, end) for each token of `text`, [start, end) its source bytes.
template <class Emit>
void for_each_token(const Gpt2Ranks& ranks, std::string_view text, Emit&& emit) {
  check_gpt2_text_size(text);
  std::vector<Gpt2Part> parts;
  for (std::size_t pos = 0; pos < text.size();) {
    const Gpt2Piece p = gpt2_next_piece(text, pos);
    pos = p.end;
    const std::string_view piece = text.substr(p.start, p.end - p.start);
    if (!p.invalid_utf8) {
      // Most pieces of ordinary text are whole tokens: one hash lookup.
      const std::int32_t whole =
          piece.size() == 1 ? ranks.byte_rank(static_cast<std::uint8_t>(piece[0])) : ranks.rank_of(piece);
      if (whole != Gpt2Ranks::kNone) {
        emit(whole, p.start, p.end);
        continue;
      }
      parts.clear();
      gpt2_merge_piece(ranks, piece, parts);
      for (std::size_t i = 0; i < parts.size(); ++i) {
        emit(parts[i].id, p.start + parts[i].start, i + 1 < parts.size() ? p.start + parts[i + 1].start : p.end);
      }
      continue;
    }
    const SanitizedPiece s = sanitize_piece(piece);
    parts.clear();
    gpt2_merge_piece(ranks, s.bytes, parts);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const std::uint32_t end = i + 1 < parts.size() ? parts[i + 1].start : static_cast<std::uint32_t>(s.bytes.size());
      emit(parts[i].id, p.start + s.source_offset[parts[i].start], p.start + s.source_offset[end]);
    }
  }
}

}  // namespace

std::vector<std::int32_t> Gpt2Bpe::encode_ids(std::string_view text) const {
  std::vector<std::int32_t> ids;
  ids.reserve(text.size() / 4 + 16);
  for_each_token(ranks_, text, [&](std::int32_t id, std::uint32_t, std::uint32_t) { ids.push_back(id); });
  return ids;
}

Gpt2Spans Gpt2Bpe::encode_spans(std::string_view text) const {
  Gpt2Spans out;
  const std::size_t expected = text.size() / 4 + 16;
  out.ids.reserve(expected);
  out.starts.reserve(expected);
  out.ends.reserve(expected);
  for_each_token(ranks_, text, [&](std::int32_t id, std::uint32_t start, std::uint32_t end) {
    out.ids.push_back(id);
    out.starts.push_back(start);
    out.ends.push_back(end);
  });
  out.invalid_utf8 = count_invalid_utf8(text);
  return out;
}

Gpt2Encoding Gpt2Bpe::encode(std::string_view text) const {
  Gpt2Encoding out;
  out.ids.reserve(text.size() / 4 + 16);
  out.tokens.reserve(text.size() / 4 + 16, text.size() + text.size() / 4);
  std::string printable;
  for_each_token(ranks_, text, [&](std::int32_t id, std::uint32_t start, std::uint32_t end) {
    out.ids.push_back(id);
    printable.clear();
    append_gpt2_printable(printable, ranks_.token_bytes(id));
    out.tokens.push(printable, start, end);
  });
  out.tokens.set_invalid_utf8(count_invalid_utf8(text));
  return out;
}

std::string Gpt2Bpe::decode(const std::vector<std::int32_t>& ids) const {
  std::string out;
  for (const std::int32_t id : ids) out.append(ranks_.token_bytes(id));
  return out;
}

std::string Gpt2Bpe::token_text(std::int32_t id) const { return gpt2_bytes_to_printable(ranks_.token_bytes(id)); }

}  // namespace embplay
