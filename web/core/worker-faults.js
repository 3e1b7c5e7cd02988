// Which errors leave a worker's WebAssembly module unusable (issue 14): out of memory
// (std::bad_alloc, which wasm-bindings/guard.h words as "out of memory: ...", or a failed JS
// allocation) and WebAssembly traps (RuntimeError: "memory access out of bounds", "unreachable",
// an Emscripten abort). A trap stops C++ half-way; a bad_alloc skips destructors (guard.h), so the
// memory stays taken. The page then replaces the worker rather than calling into it again.

/** 'memory' | 'trap' | null for an error caught in a worker. */
export function fatalKind(error) {
  const message = String(error?.message ?? error);
  if (/bad_alloc|out of memory|allocation failed/i.test(message)) return 'memory';
  if (error instanceof WebAssembly.RuntimeError) return 'trap';
  return null;
}

/**
 * Test-only: a real trap inside `module` (free() of an address past its memory), for the browser
 * tests of the recovery (index.html?debug, see web/app/main.js). Throws the RuntimeError.
 */
export function trapModule(module) {
  module._free(0xfffffff0);
  throw new Error('the debug trap did not trap');
}
