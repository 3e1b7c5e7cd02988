// One number field of a text file (a word2vec or GloVe value) read as a float: exactly what
// std::strtof gives when it consumes the whole field, and nothing when it does not.
//
// Why not strtof alone: in WebAssembly, musl's strtof works in 128-bit long double, which is
// emulated in software; 30 million values (a 100,000 × 300 text file) took 50 s in Chromium.
// Plain decimals ("-0.41800", "1.5e-3", up to 19 digits) take Clinger's fast path instead
// (W. D. Clinger, "How to Read Floating Point Numbers Accurately", PLDI 1990): when the digits
// W < 2^53 and |E| <= 22, W · 10^E is one correctly rounded double operation. That double,
// rounded to float, is the float nearest the decimal itself unless the double lies exactly
// halfway between two floats (the two roundings could then go the wrong way); those rare
// fields, hexadecimal, inf, nan and long or far-out decimals go to strtof, so every field
// reads bit-for-bit like strtof.
#pragma once

#include <optional>
#include <string_view>

namespace embplay {

// The float `field` spells (no surrounding whitespace), or nullopt if strtof would stop
// before its end (an empty field, "1,5", "x2", "1e"). Infinities and NaN are returned
// as such (the caller decides whether they are allowed).
std::optional<float> parse_float_field(std::string_view field);

}  // namespace embplay
