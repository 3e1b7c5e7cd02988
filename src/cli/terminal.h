// Whether the CLI's stderr is a terminal (progress lines go there only then).
// The WASM build of the CLI runs under Node, where Emscripten's isatty() answers yes for
// every standard stream; its pre-js (src/cli/node_terminal.js) passes Node's own answer in
// EMBPLAY_STDERR_IS_TTY, which wins when set.
#pragma once

namespace embplay::cli {

bool stderr_is_terminal();

}  // namespace embplay::cli
