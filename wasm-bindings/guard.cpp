// See guard.h: the single place in the WASM module where C++ exceptions are caught.
#include "guard.h"

extern "C" bool embplay_run_guarded(void (*fn)(void*), void* context, std::string* message) {
  try {
    fn(context);
    return true;
  } catch (const std::bad_alloc&) {
    *message = "out of memory: the input is too large for this browser tab";
  } catch (const std::exception& e) {
    *message = e.what();
  } catch (...) {
    *message = "unexpected internal error";
  }
  return false;
}
