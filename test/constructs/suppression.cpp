// The three NOLINT comment forms silence the coro-* checks.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <unistd.h>

#include "cppcoro/task.hpp"

cppcoro::task<int> child();

cppcoro::task<> suppressed() {
  sleep(1); // NOLINT(coro-blocking-sleep)
  sleep(2); // NOLINT
  // NOLINTNEXTLINE(coro-blocking-sleep)
  sleep(3);
  // NOLINTBEGIN(coro-*)
  sleep(4);
  cppcoro::sync_wait(child());
  // NOLINTEND(coro-*)
  sleep(5); // NOLINT(coro-nested-run)
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'suppressed' [coro-blocking-sleep]
  // CHECK: :[[@LINE-11]]:17: note: coroutine 'suppressed' declared here
  // CHECK: :[[@LINE-3]]:3: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  co_return;
}
