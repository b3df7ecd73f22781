// Calls are not followed into a library's machinery: a framework's own
// non-template code (libcoro's scheduler wakes its loop by writing to a
// self-pipe; cppcoro's io_service::stop does the same), written for
// coroutines, whose blocking entry points the tables list by name; and a
// test framework's assertion machinery (doctest reads /proc/self/status to
// find a debugger when a check fails). A framework template that runs the
// user's callable is followed, and so is the same code in the user's own
// namespace. Found on libcoro's and cppcoro's own test suites.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <coro/coro.hpp>
#include <fstream>
#include <unistd.h>

namespace coro {
struct event {
  int WakeFd;
  void set() { (void)::write(WakeFd, "x", 1); }
};
template <typename F> struct scope_exit {
  F Fn;
  ~scope_exit() { Fn(); }
};
} // namespace coro

namespace doctest::detail {
inline bool isDebuggerActive() {
  std::ifstream In("/proc/self/status");
  return In.good();
}
struct ResultBuilder {
  bool Failed;
  bool log() { return Failed && isDebuggerActive(); }
};
} // namespace doctest::detail

namespace app {
struct event {
  int WakeFd;
  void set() { (void)::write(WakeFd, "x", 1); }
};
} // namespace app

coro::task<> machinery(coro::event &Ready, doctest::detail::ResultBuilder &R,
                       app::event &Mine) {
  Ready.set();
  R.log();
  Mine.set();
  // CHECK: :[[@LINE-1]]:8: warning: call to 'app::event::set' reaches blocking call to 'write' (synchronous descriptor I/O) inside coroutine 'machinery' [coro-blocking-call]
  // CHECK: :[[#MACHINERY:@LINE-6]]:14: note: coroutine 'machinery' declared here
  // CHECK: :41:22: note: 'app::event::set' calls 'write' here
  // CHECK: :[[@LINE-4]]:8: note: use a non-blocking descriptor whose readiness is awaited (Asio 'posix::stream_descriptor', libcoro 'sched->poll(fd, op)') instead
  auto Stop = coro::scope_exit{[] { sleep(1); }};
  // CHECK: :[[@LINE-1]]:8: warning: call to 'coro::scope_exit::~scope_exit' reaches blocking sleep 'sleep' inside coroutine 'machinery' [coro-blocking-sleep]
  // CHECK: :[[@LINE+6]]:1: note: 'coro::scope_exit::~scope_exit' is called here
  // CHECK: :[[#MACHINERY]]:14: note: coroutine 'machinery' declared here
  // CHECK: :23:19: note: 'coro::scope_exit::~scope_exit' calls 'lambda' here
  // CHECK: :[[@LINE-5]]:37: note: 'lambda' calls 'sleep' here
  // CHECK: :[[@LINE-6]]:8: note: libcoro coroutines await 'sched->yield_for(d)' on a 'coro::scheduler' instead
  co_return;
}
