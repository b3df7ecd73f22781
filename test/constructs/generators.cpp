// Synchronous generators are not asynchronous contexts; async generators
// and unknown iterable types that await are.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <unistd.h>

#include "coro/coro.hpp"
#include "cppcoro/task.hpp"

namespace cppcoro {
template <typename T> class async_generator {
public:
  struct promise_type {
    async_generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  struct iterator {};
  iterator begin();
  iterator end();
};
} // namespace cppcoro

// An in-house iterable coroutine type that corolint does not know.
template <typename T> struct Stream {
  struct promise_type {
    Stream get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  T *begin();
  T *end();
};

coro::generator<int> no_warning_in_libcoro_generator() {
  sleep(1);
  co_yield 1;
}

Stream<int> no_warning_in_iterable_that_never_awaits() {
  sleep(1);
  co_yield 1;
}

cppcoro::task<int> child();

Stream<int> iterable_that_awaits() {
  sleep(1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'iterable_that_awaits' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:13: note: coroutine 'iterable_that_awaits' declared here
  // CHECK: :[[@LINE-3]]:3: note: await the framework's asynchronous timer instead; option 'SleepReplacement' gives a fix-it for in-house task types
  co_yield co_await child();
}

cppcoro::async_generator<int> async_generator_is_asynchronous() {
  sleep(1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'async_generator_is_asynchronous' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:31: note: coroutine 'async_generator_is_asynchronous' declared here
  // CHECK: :[[@LINE-3]]:3: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  co_yield 1;
}
