// A file without coroutines gets no coro-* diagnostic, however much it
// blocks: outside coroutines these calls are fine.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs > %t.out 2>&1
// RUN: count 0 < %t.out
// Before C++20 there are no coroutines, and the checks do not run.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++17 -DNO_CORO > %t17.out 2>&1
// RUN: count 0 < %t17.out

#include <chrono>
#include <future>
#include <thread>
#include <unistd.h>
#ifndef NO_CORO
#include "cppcoro/task.hpp"
cppcoro::task<int> child();
#endif

int main() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  sleep(1);
  std::future<int> F = std::async([] { return 1; });
  F.wait();
  std::thread T([] {});
  T.join();
#ifndef NO_CORO
  return cppcoro::sync_wait(child());
#else
  return F.get();
#endif
}
