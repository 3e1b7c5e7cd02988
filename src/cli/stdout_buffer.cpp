#include "cli/stdout_buffer.h"

#include <cstdio>
#include <cstring>
#include <iostream>

namespace embplay::cli {

StdoutBuffer::StdoutBuffer(std::size_t bytes) : buffer_(bytes) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

StdoutBuffer::~StdoutBuffer() { drain(); }

bool StdoutBuffer::drain() {
  const auto n = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return n == 0 || std::fwrite(buffer_.data(), 1, n, stdout) == n;
}

StdoutBuffer::int_type StdoutBuffer::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize StdoutBuffer::xsputn(const char* s, std::streamsize n) {
  const auto count = static_cast<std::size_t>(n);
  if (count > static_cast<std::size_t>(epptr() - pptr())) {
    if (!drain()) return 0;
    if (count >= buffer_.size()) return std::fwrite(s, 1, count, stdout) == count ? n : 0;  // too big to buffer
  }
  std::memcpy(pptr(), s, count);
  pbump(static_cast<int>(count));
  return n;
}

int StdoutBuffer::sync() { return drain() && std::fflush(stdout) == 0 ? 0 : -1; }

void write_lines(std::string& lines, std::size_t block) {
  if (lines.size() < block || lines.empty()) return;
  std::cout.write(lines.data(), static_cast<std::streamsize>(lines.size()));
  lines.clear();
}

BufferedStdout::BufferedStdout() : previous_(std::cout.rdbuf(&buffer_)) {}

BufferedStdout::~BufferedStdout() {
  std::cout.flush();
  std::cout.rdbuf(previous_);
}

}  // namespace embplay::cli
