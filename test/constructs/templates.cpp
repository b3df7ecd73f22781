// A coroutine template is checked through its instances and reported once
// per location, without fix-its; an uninstantiated template is not reported.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <chrono>
#include <thread>
#include <unistd.h>

#include "folly/coro/Sleep.h"

template <typename Rep, typename Period>
folly::coro::Task<void> nap(std::chrono::duration<Rep, Period> D) {
  std::this_thread::sleep_for(D);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'nap' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:25: note: coroutine 'nap' declared here
  // CHECK: :[[@LINE-3]]:3: note: folly coroutines await 'folly::coro::sleep(d)' instead
  co_return;
}

template <typename T> struct Poller {
  folly::coro::Task<T> poll() {
    sleep(1);
    // CHECK: :[[@LINE-1]]:5: warning: blocking sleep 'sleep' inside coroutine 'Poller::poll' [coro-blocking-sleep]
    // CHECK: :[[@LINE-3]]:24: note: coroutine 'Poller::poll' declared here
    // CHECK: :[[@LINE-3]]:5: note: folly coroutines await 'folly::coro::sleep(d)' instead
    co_return T();
  }
  static folly::coro::Task<void> never_instantiated() {
    sleep(1);
    co_return;
  }
};

template <typename T> folly::coro::Task<T> no_warning_uninstantiated() {
  sleep(1);
  co_return T();
}

void instantiate() {
  nap(std::chrono::milliseconds(1));
  nap(std::chrono::seconds(1));
  Poller<int>().poll();
  Poller<long>().poll();
}
