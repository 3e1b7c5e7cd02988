// Strict IEEE float semantics, whatever the build flags say.
//
// The WASM build compiles with -fassociative-math (so clang vectorises reductions); that
// lets the compiler regroup float arithmetic differently from the native build, and
// training magnifies any last-bit difference until no vector matches. EMBPLAY_STRICT_FLOAT
// switches reassociation off for clang: at file scope in a .cpp file (for the rest of
// that file) or as the first statement of an inline function in a header (for that body,
// so files including the header keep their own flags). GCC does not need it: the native
// build has no fast-math flags, and x86-64 without -march has no FMA to contract into.
#pragma once

#if defined(__clang__)
#define EMBPLAY_STRICT_FLOAT _Pragma("clang fp reassociate(off)")
#else
#define EMBPLAY_STRICT_FLOAT
#endif
