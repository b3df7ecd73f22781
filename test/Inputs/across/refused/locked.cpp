#include "compute.h"
#include "helpers.h"
#include <mutex>

std::mutex M;

int locked(int X) {
  std::lock_guard<std::mutex> Hold(M);
  return cppcoro::sync_wait(compute(X));
}
