// Code that does not compile: clang's own errors are reported, clang-tidy
// exits non-zero without crashing, and the coro-* checks report only what
// clang's recovery leaves standing: calls that are really there.
// RUN: not %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note}}:'

#include <unistd.h>

#include "cppcoro/task.hpp"

cppcoro::task<int> broken_body() {
  int V = undeclared_helper();
  // CHECK: :[[@LINE-1]]:11: error: use of undeclared identifier 'undeclared_helper' [clang-diagnostic-error]
  sleep(1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'broken_body' [coro-blocking-sleep]
  // CHECK: :[[@LINE-5]]:20: note: coroutine 'broken_body' declared here
  // CHECK: :[[@LINE-3]]:3: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  co_return V;
}

UnknownTask<int> unknown_return_type() {
  // CHECK: :[[@LINE-1]]:1: error: no template named 'UnknownTask' [clang-diagnostic-error]
  // CHECK: :[[@LINE-2]]:18: error: this function cannot be a coroutine: 'std::coroutine_traits<int>' has no member named 'promise_type' [clang-diagnostic-error]
  sleep(1);
  co_return 1;
}

cppcoro::task<int> missing_semicolon() {
  sleep(2)
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'missing_semicolon' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:20: note: coroutine 'missing_semicolon' declared here
  // CHECK: :[[@LINE-3]]:3: note: cppcoro coroutines await
  // CHECK: :[[@LINE-4]]:11: error: expected ';' after expression [clang-diagnostic-error]
  co_return 2;
}
