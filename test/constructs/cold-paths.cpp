// A call from which every path ends the process is not reported, in the
// coroutine and in every helper: a logger's fatal branch that symbolizes a
// stack trace and exits, the body of a [[noreturn]] function. A blocking
// call on a branch that returns, or in a loop that never ends, still is.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <thread>
#include <unistd.h>

#include "cppcoro/task.hpp"

enum class Sev { Info, Critical };

void dump_stacktrace() {
  FILE *Pipe = popen("addr2line -e prog", "r");
  pclose(Pipe);
}

void write_log(Sev S, const char *M) {
  fputs(M, stderr);
  if (S == Sev::Critical) {
    dump_stacktrace();
    std::exit(1);
  }
}

[[noreturn]] void fatal(const char *M) {
  write_log(Sev::Info, M);
  sleep(1); // let the log drain
  std::abort();
}

void retry_or_die(bool Ok) {
  if (!Ok) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    std::terminate();
  }
}

void backoff(bool Busy) {
  if (Busy) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return;
  }
}

void spin() {
  for (;;)
    sleep(1);
}

cppcoro::task<void> session(bool Bad) {
  write_log(Sev::Info, "x");
  retry_or_die(!Bad);
  if (Bad)
    fatal("bad session");
  if (Bad) {
    sleep(1);
    std::quick_exit(2);
  }
  backoff(Bad);
  // CHECK: :[[@LINE-1]]:3: warning: call to 'backoff' reaches blocking sleep 'std::this_thread::sleep_for' inside coroutine 'session' [coro-blocking-sleep]
  // CHECK: :[[#SESSION:@LINE-11]]:21: note: coroutine 'session' declared here
  // CHECK: :[[#BACKOFF:@LINE-22]]:5: note: 'backoff' calls 'std::this_thread::sleep_for' here
  // CHECK: :[[@LINE-4]]:3: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  spin();
  // CHECK: :[[@LINE-1]]:3: warning: call to 'spin' reaches blocking sleep 'sleep' inside coroutine 'session' [coro-blocking-sleep]
  // CHECK: :[[#SESSION]]:21: note: coroutine 'session' declared here
  // CHECK: :[[#BACKOFF+7]]:5: note: 'spin' calls 'sleep' here
  // CHECK: :[[@LINE-4]]:3: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  co_return;
}
