// Standard output in big writes (issue 15). The WASM CLI (build-wasm/embplay.js, NODERAWFS) wrote
// every output line with its own fs.writeSync, because Emscripten's libc++ hands each std::cout
// write to stdout's FILE and that FILE is line-buffered (under Node every stream looks like a
// terminal): 14-23 s for GPT-2 ids of 4.4 MB against 0.9 s natively. StdoutBuffer collects what
// std::cout gets in one 1 MiB block and writes the block with one fwrite, in both builds.
#pragma once

#include <cstddef>
#include <streambuf>
#include <string>
#include <vector>

namespace embplay::cli {

class StdoutBuffer : public std::streambuf {
 public:
  explicit StdoutBuffer(std::size_t bytes = std::size_t{1} << 20);
  ~StdoutBuffer() override;
  StdoutBuffer(const StdoutBuffer&) = delete;
  StdoutBuffer& operator=(const StdoutBuffer&) = delete;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool drain();  // writes the buffered bytes; false when stdout refuses them
  std::vector<char> buffer_;
};

// Points std::cout at a StdoutBuffer while alive; flushes and restores it when it ends (every return
// path of main, including errors, flushes the output written so far before the one line on stderr).
class BufferedStdout {
 public:
  BufferedStdout();
  ~BufferedStdout();
  BufferedStdout(const BufferedStdout&) = delete;
  BufferedStdout& operator=(const BufferedStdout&) = delete;

 private:
  StdoutBuffer buffer_;
  std::streambuf* previous_;
};

// Writes `lines` to std::cout and clears it once it holds at least `block` bytes (block 0: always).
// Commands append their lines to one string and call this after each: a std::ostream write costs
// a sentry and, in the WASM build, a JS trampoline around libc++'s try block, so it is paid once
// per 64 KiB rather than once per line.
void write_lines(std::string& lines, std::size_t block = std::size_t{1} << 16);

}  // namespace embplay::cli
