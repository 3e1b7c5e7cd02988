// exp(x) computed the same way, to the last bit, in every build.
//
// glibc's and musl's std::exp may differ in the last bit, and the WASM build compiles with
// -fassociative-math; attention's softmax must give the native CLI and the WASM module the
// same weights bit for bit. portable_exp uses only +, -, *, floor and exact scaling by 2^k,
// under EMBPLAY_STRICT_FLOAT (math/strict_float.h), so the result is fixed by IEEE 754.
//
// Method (Cody & Waite 1980, "Software Manual for the Elementary Functions"): x = k ln2 + r
// with |r| <= ln2/2, ln2 split into a high part with trailing zero bits (k * kLn2Hi is exact)
// and a low part; exp(r) by its Taylor polynomial of degree 11 in Horner form, whose
// truncation error (ln2/2)^12 / 12! is about 6e-15 relative; exp(x) = 2^k exp(r).
// Accuracy: within 1e-14 relative of the true value for x in [-708, 709]
// (tests/unit/math/portable_exp_test.cpp). Below -708 it returns 0, above 709 +infinity;
// NaN gives NaN.
#pragma once

namespace embplay {

double portable_exp(double x) noexcept;

}  // namespace embplay
