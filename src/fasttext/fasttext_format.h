// fastText's model files for word vectors, as fastText 0.9.2 writes them
// (src/fasttext.cc saveModel/loadModel, args.cc, dictionary.cc, densematrix.cc):
//
//   int32 magic 793712314, int32 version 12
//   args:  int32 dim ws epoch minCount neg wordNgrams loss model bucket minn maxn
//          lrUpdateRate, float64 t
//   dict:  int32 size nwords nlabels, int64 ntokens pruneidx_size (-1 = not pruned), then per
//          entry the word's UTF-8 bytes + NUL, int64 count, int8 type (0 word, 1 label)
//   bool quantized (0), input matrix: int64 rows cols, rows*cols float32
//   bool quantized output (0), output matrix: the same
// all little-endian (fastText writes host order; every machine we target is little-endian).
// Also fastText's .vec text: "nwords dim", then "word v1 ... vd " per line, values as
// C++ streams print them at precision 5 (what print-word-vectors prints too).
//
// The reader validates as it goes and checks every size against the bytes that remain
// before allocating, so a truncated or foreign file is refused with one line and nothing
// big is allocated; supervised (label) and quantized models are refused by name.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "fasttext/subword_model.h"

namespace embplay {

inline constexpr std::int32_t kFastTextMagic = 793712314;
inline constexpr std::int32_t kFastTextVersion = 12;

std::string to_fasttext_bin(const SubwordModel& model);
// The same bytes, streamed (a model with 2,000,000 buckets is 800 MB at dim 100).
void write_fasttext_bin(const SubwordModel& model, std::ostream& out);

// Throws std::invalid_argument with the reason.
SubwordModel from_fasttext_bin(std::string_view bytes);

// True when the bytes start with fastText's magic number.
bool looks_like_fasttext_bin(std::string_view bytes) noexcept;

// One line of print-word-vectors / .vec: "word v1 ... vd \n", values with `digits`
// significant digits (fastText's 5 by default).
std::string fasttext_vector_line(std::string_view word, const std::vector<float>& vector, int digits = 5);

// The .vec file fastText writes beside its .bin (every vocabulary word's vector).
std::string to_fasttext_vec(const SubwordModel& model);

}  // namespace embplay
