// What runs on the coroutine's stack: immediately invoked lambdas and capture
// initializers do; lambdas handed elsewhere and local classes do not.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-*' --fix %t.cpp -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only -I %inputs %t.cpp

#include <chrono>
#include <thread>
#include <unistd.h>

#include "cppcoro/task.hpp"
#include "folly/coro/Sleep.h"

using namespace std::chrono_literals;

cppcoro::task<int> child();

folly::coro::Task<void> no_warning_sleep_in_thread_lambda() {
  std::thread T([] { std::this_thread::sleep_for(1s); });
  auto Later = [] { sleep(1); };
  T.detach();
  co_return;
}

// A local class's member is no part of the coroutine's own code; calling it
// from the coroutine is a call into a plain function.
folly::coro::Task<void> local_class() {
  struct Poller {
    void poll() { sleep(1); }
    void idle() {}
  };
  Poller().idle();
  Poller().poll();
  // CHECK: :[[@LINE-1]]:12: warning: call to 'local_class()::Poller::poll' reaches blocking sleep 'sleep' inside coroutine 'local_class' [coro-blocking-sleep]
  // CHECK: :[[@LINE-8]]:25: note: coroutine 'local_class' declared here
  // CHECK: :[[@LINE-7]]:19: note: 'local_class()::Poller::poll' calls 'sleep' here
  // CHECK: :[[@LINE-4]]:12: note: make 'local_class()::Poller::poll' a coroutine and 'co_await' it: async all the way up
  co_return;
}

// An immediately invoked lambda runs here; co_await cannot be written in
// it, so there is no fix-it.
folly::coro::Task<int> immediately_invoked() {
  int V = [] {
    sleep(1);
    // CHECK: :[[@LINE-1]]:5: warning: blocking sleep 'sleep' inside coroutine 'immediately_invoked' [coro-blocking-sleep]
    // CHECK: :[[#IIFE:@LINE-4]]:24: note: coroutine 'immediately_invoked' declared here
    // CHECK: :[[@LINE-3]]:5: note: folly coroutines await 'folly::coro::sleep(d)' instead
    // FIXED: {{^}}    sleep(1);{{$}}
    return cppcoro::sync_wait(child());
    // CHECK: :[[@LINE-1]]:12: warning: nested run 'cppcoro::sync_wait' inside coroutine 'immediately_invoked' [coro-nested-run]
    // CHECK: :[[#IIFE]]:24: note: coroutine 'immediately_invoked' declared here
    // CHECK: :[[@LINE-3]]:12: note: 'co_await' the work instead if this coroutine's task type can await it; no fix-it is offered across frameworks
  }();
  co_return V;
}

// Other spellings of an immediate invocation.
folly::coro::Task<void> immediately_invoked_spellings() {
  ([] { sleep(1); })();
  // CHECK: :[[@LINE-1]]:9: warning: blocking sleep 'sleep' inside coroutine 'immediately_invoked_spellings' [coro-blocking-sleep]
  // CHECK: :[[#SPELLINGS:@LINE-3]]:25: note: coroutine 'immediately_invoked_spellings' declared here
  // CHECK: :[[@LINE-3]]:9: note: folly coroutines await 'folly::coro::sleep(d)' instead
  [] { sleep(2); }.operator()();
  // CHECK: :[[@LINE-1]]:8: warning: blocking sleep 'sleep' inside coroutine 'immediately_invoked_spellings' [coro-blocking-sleep]
  // CHECK: :[[#SPELLINGS]]:25: note: coroutine 'immediately_invoked_spellings' declared here
  // CHECK: :[[@LINE-3]]:8: note: folly coroutines await 'folly::coro::sleep(d)' instead
  co_return;
}

// A capture initializer runs here.
folly::coro::Task<void> capture_initializer() {
  auto Handler = [V = cppcoro::sync_wait(child())] { return V; };
  // CHECK: :[[@LINE-1]]:23: warning: nested run 'cppcoro::sync_wait' inside coroutine 'capture_initializer' [coro-nested-run]
  // CHECK: :[[@LINE-3]]:25: note: coroutine 'capture_initializer' declared here
  // CHECK: :[[@LINE-3]]:23: note: 'co_await' the work instead if this coroutine's task type can await it; no fix-it is offered across frameworks
  co_return;
}

// A coroutine lambda is an asynchronous context of its own; the plain
// lambda around it is not.
void plain_function_with_coroutine_lambda() {
  auto Task = []() -> folly::coro::Task<void> {
    std::this_thread::sleep_for(2ms);
    // CHECK: :[[@LINE-1]]:5: warning: blocking sleep 'std::this_thread::sleep_for' inside a coroutine lambda [coro-blocking-sleep]
    // CHECK: :[[@LINE-3]]:15: note: coroutine lambda declared here
    // FIXED: {{^}}    co_await folly::coro::sleep(2ms);{{$}}
    co_return;
  };
  sleep(1);
}

// A generic coroutine lambda is reported once, whatever its instances, and
// gets no fix-it: the rewrite would have to suit every instance.
void generic_lambda() {
  auto Task = [](auto D) -> folly::coro::Task<void> {
    std::this_thread::sleep_for(D);
    // CHECK: :[[@LINE-1]]:5: warning: blocking sleep 'std::this_thread::sleep_for' inside a coroutine lambda [coro-blocking-sleep]
    // CHECK: :[[@LINE-3]]:15: note: coroutine lambda declared here
    // CHECK: :[[@LINE-3]]:5: note: folly coroutines await 'folly::coro::sleep(d)' instead
    co_return;
  };
  Task(1ms);
  Task(1s);
}
