// Calls are matched by the declaration they resolve to, not by spelling.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-*' --fix %t.cpp -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only -I %inputs %t.cpp

#include <chrono>
#include <thread>

#include "cppcoro/task.hpp"
#include "folly/coro/Sleep.h"

namespace mylib {
// A user's own sleep_for that returns an awaitable.
folly::coro::Task<void> sleep_for(std::chrono::milliseconds);
} // namespace mylib

namespace {
void sleep(int) {}
} // namespace

namespace tt = std::this_thread;
namespace cc = cppcoro;

folly::coro::Task<void> spellings() {
  using namespace std::chrono_literals;
  {
    using namespace std::this_thread;
    sleep_for(1ms);
    // CHECK: :[[@LINE-1]]:5: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'spellings' [coro-blocking-sleep]
    // CHECK: :[[#SPELLINGS:@LINE-6]]:25: note: coroutine 'spellings' declared here
    // FIXED: {{^}}    co_await folly::coro::sleep(1ms);{{$}}
  }
  tt::sleep_for(1ms);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'spellings' [coro-blocking-sleep]
  // CHECK: :[[#SPELLINGS]]:25: note: coroutine 'spellings' declared here
  // FIXED: {{^}}  co_await folly::coro::sleep(1ms);{{$}}
  {
    using std::this_thread::sleep_until;
    sleep_until(std::chrono::system_clock::now());
    // CHECK: :[[@LINE-1]]:5: warning: blocking sleep 'std::this_thread::sleep_until' inside coroutine 'spellings' [coro-blocking-sleep]
    // CHECK: :[[#SPELLINGS]]:25: note: coroutine 'spellings' declared here
    // CHECK: :[[@LINE-3]]:5: note: folly coroutines await 'folly::coro::sleep(d)' instead
  }
  cc::sync_wait(cc::task<int>(nullptr));
  // CHECK: :[[@LINE-1]]:3: warning: nested run 'cppcoro::sync_wait' inside coroutine 'spellings' [coro-nested-run]
  // CHECK: :[[#SPELLINGS]]:25: note: coroutine 'spellings' declared here
  // CHECK: :[[@LINE-3]]:3: note: 'co_await' the work instead if this coroutine's task type can await it; no fix-it is offered across frameworks
  co_await mylib::sleep_for(1ms);
  sleep(1);
  co_return;
}
