// A default argument runs where the call uses it: its blocking call is
// reported at the call, with a note where it is written, and no fix-it.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include "cppcoro/task.hpp"

cppcoro::task<int> child();
int fallback(int V = cppcoro::sync_wait(child())) { return V; }

cppcoro::task<int> uses_default() {
  co_return fallback();
  // CHECK: :[[@LINE-1]]:13: warning: nested run 'cppcoro::sync_wait' inside coroutine 'uses_default' [coro-nested-run]
  // CHECK: :[[@LINE-5]]:22: note: 'cppcoro::sync_wait' is called here
  // CHECK: :[[@LINE-4]]:20: note: coroutine 'uses_default' declared here
  // CHECK: :[[@LINE-4]]:13: note: 'co_await' the work instead
}
