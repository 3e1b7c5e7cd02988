// Pre-js for the WASM CLI (build-wasm/embplay.js): Emscripten's isatty() says yes for every
// standard stream under Node, so tell the program whether stderr really is a terminal
// (read by src/cli/terminal.cpp).
Module.preRun = Module.preRun || [];
Module.preRun.push(() => {
  ENV.EMBPLAY_STDERR_IS_TTY = process.stderr.isTTY ? '1' : '0';
});
