// The JS boundary's error rule: no C++ exception crosses into JavaScript raw.
// guard(f) runs f; any exception becomes a JS `Error` carrying its message.
#pragma once

#include <emscripten/val.h>

#include <cstdint>
#include <exception>
#include <new>
#include <optional>
#include <type_traits>
#include <string>
#include <vector>

namespace embplay::wasm {

[[noreturn]] inline void throw_js_error(const std::string& message) {
  emscripten::val::global("Error").new_(message).throw_();
}

// The one function allowed to catch C++ exceptions in the WASM build (see CMakeLists.txt:
// -sEXCEPTION_CATCHING_ALLOWED). Emscripten's JS-based exception handling otherwise wraps every
// call that might throw in a JS "invoke" trampoline, which made the tokenizer loops 5-15x slower;
// with catching confined here, hot loops compile to plain calls. Cost: when an exception does
// fly, destructors of the frames between the throw and this catch are skipped (a small leak on
// the error path only). Defined in guard.cpp.
extern "C" bool embplay_run_guarded(void (*fn)(void*), void* context, std::string* message);

template <class F>
auto guard(F&& f) -> decltype(f()) {
  using Result = decltype(f());
  std::string message;
  if constexpr (std::is_void<Result>::value) {
    auto call = [&] { f(); };
    using Call = decltype(call);
    if (embplay_run_guarded([](void* c) { (*static_cast<Call*>(c))(); }, &call, &message)) return;
  } else {
    std::optional<Result> result;
    auto call = [&] { result.emplace(f()); };
    using Call = decltype(call);
    if (embplay_run_guarded([](void* c) { (*static_cast<Call*>(c))(); }, &call, &message)) return std::move(*result);
  }
  throw_js_error(message);
}

// A JS typed array holding a copy of `values` (safe across later memory growth).
template <class T>
emscripten::val copy_to_js(const T* data, std::size_t n) {
  return emscripten::val::global(
             std::is_same<T, float>::value            ? "Float32Array"
             : std::is_same<T, std::int32_t>::value   ? "Int32Array"
             : std::is_same<T, std::uint32_t>::value  ? "Uint32Array"
             : std::is_same<T, double>::value         ? "Float64Array"
                                                      : "Uint8Array")
      .new_(emscripten::typed_memory_view(n, data));
}

template <class T>
emscripten::val copy_to_js(const std::vector<T>& values) {
  return copy_to_js(values.data(), values.size());
}

// Copies a JS Int32Array (or array of numbers) into a vector.
inline std::vector<std::int32_t> ids_from_js(const emscripten::val& array) {
  return emscripten::convertJSArrayToNumberVector<std::int32_t>(array);
}

}  // namespace embplay::wasm
