// cppcoro runs its io_service with a task that does nothing else, under
// sync_wait(when_all(...)) on a plain thread (cppcoro's README, and its own
// tests): a coroutine that never suspends and blocks on nothing but the
// event loop it runs is that loop's driver, not a nested run. One that
// awaits, or blocks on something else too, is reported.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include "cppcoro/task.hpp"

void check(bool);
cppcoro::task<> work(cppcoro::io_service &);

void run_test(cppcoro::io_service &Io) {
  cppcoro::sync_wait(cppcoro::when_all_ready(
      [&]() -> cppcoro::task<> {
        co_await work(Io);
        Io.stop();
      }(),
      [&]() -> cppcoro::task<> {
        check(true);
        Io.process_events();
        check(true);
        co_return;
      }()));
}

cppcoro::task<> awaits_too(cppcoro::io_service &Io) {
  co_await work(Io);
  Io.process_events();
  // CHECK: :[[@LINE-1]]:6: warning: nested run 'cppcoro::io_service::process_events' inside coroutine 'awaits_too' [coro-nested-run]
  // CHECK: :[[@LINE-4]]:17: note: coroutine 'awaits_too' declared here
  // CHECK: :[[@LINE-3]]:6: note: do not process events from inside a coroutine; await the work instead
}

cppcoro::task<int> waits_too(cppcoro::io_service &Io) {
  Io.process_events();
  // CHECK: :[[@LINE-1]]:6: warning: nested run 'cppcoro::io_service::process_events' inside coroutine 'waits_too' [coro-nested-run]
  // CHECK: :[[#WAITS:@LINE-3]]:20: note: coroutine 'waits_too' declared here
  // CHECK: :[[@LINE-3]]:6: note: do not process events from inside a coroutine; await the work instead
  co_return cppcoro::sync_wait(cppcoro::task<int>(nullptr));
  // CHECK: :[[@LINE-1]]:13: warning: nested run 'cppcoro::sync_wait' inside coroutine 'waits_too' [coro-nested-run]
  // CHECK: :[[#WAITS]]:20: note: coroutine 'waits_too' declared here
}
