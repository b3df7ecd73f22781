// Unevaluated operands and discarded if-constexpr branches run nothing.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <future>
#include <typeinfo>
#include <unistd.h>

#include "folly/coro/Sleep.h"

template <typename T> concept Sleeper = requires(T t) { sleep(t); };

template <bool Blocking> folly::coro::Task<int> unevaluated() {
  using Left = decltype(sleep(1));
  int Size = sizeof(sleep(1)) + alignof(decltype(usleep(1)));
  bool NoThrow = noexcept(sleep(1));
  bool Req = requires { sleep(1); };
  const std::type_info &Info = typeid(sleep(1));
  if constexpr (Blocking) {
    sleep(2);
    // CHECK: :[[@LINE-1]]:5: warning: blocking sleep 'sleep' inside coroutine 'unevaluated' [coro-blocking-sleep]
    // CHECK: :[[@LINE-9]]:49: note: coroutine 'unevaluated' declared here
    // CHECK: :[[@LINE-3]]:5: note: folly coroutines await 'folly::coro::sleep(d)' instead
  } else {
    usleep(2);
  }
  co_return Size + NoThrow + Req + Sleeper<unsigned> + (Info == typeid(int));
}

folly::coro::Task<void> non_template_discarded_branch() {
  if constexpr (sizeof(int) == 1)
    sleep(3);
  co_return;
}

void instantiate() { unevaluated<true>(); }
