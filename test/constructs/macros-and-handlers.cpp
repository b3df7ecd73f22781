// Calls spelled in a macro and calls in a handler are reported, but get no
// fix-it: the macro may be used elsewhere, and a handler cannot co_await.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-*' --fix %t.cpp -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: diff %s %t.cpp

#include <unistd.h>

#include "folly/coro/Sleep.h"

#define NAP() sleep(1)

folly::coro::Task<void> in_macros() {
  NAP();
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'in_macros' [coro-blocking-sleep]
  // CHECK: :[[#NAP:@LINE-5]]:15: note: expanded from macro 'NAP'
  // CHECK: :[[@LINE-4]]:25: note: coroutine 'in_macros' declared here
  // CHECK: :[[@LINE-4]]:3: note: folly coroutines await 'folly::coro::sleep(d)' instead
  // CHECK: :[[#NAP]]:15: note: expanded from macro 'NAP'
  co_return;
}

folly::coro::Task<void> in_handler() {
  try {
    co_return;
  } catch (...) {
    sleep(1);
    // CHECK: :[[@LINE-1]]:5: warning: blocking sleep 'sleep' inside coroutine 'in_handler' [coro-blocking-sleep]
    // CHECK: :[[@LINE-6]]:25: note: coroutine 'in_handler' declared here
    // CHECK: :[[@LINE-3]]:5: note: folly coroutines await 'folly::coro::sleep(d)' instead
  }
}
