// See terminal.h.
#include "terminal.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace embplay::cli {

bool stderr_is_terminal() {
  if (const char* told = std::getenv("EMBPLAY_STDERR_IS_TTY")) return std::strcmp(told, "1") == 0;
  return isatty(2) != 0;
}

}  // namespace embplay::cli
