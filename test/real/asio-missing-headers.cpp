// The fix-it adds the headers the replacement needs when the file does not
// include them yet.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-blocking-sleep' --fix %t.cpp -- -std=c++20 %asio_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only %asio_flags %t.cpp

// FIXED: {{^}}#include <asio/awaitable.hpp>{{$}}
// FIXED-NEXT: {{^}}#include <asio/steady_timer.hpp>{{$}}
// FIXED-NEXT: {{^}}#include <asio/this_coro.hpp>{{$}}
// FIXED-NEXT: {{^}}#include <asio/use_awaitable.hpp>{{$}}
#include <asio/awaitable.hpp>
#include <asio/this_coro.hpp>
#include <chrono>
#include <thread>

asio::awaitable<void> take_a_break() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'take_a_break' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:23: note: coroutine 'take_a_break' declared here
  // FIXED: {{^}}  co_await asio::steady_timer(co_await asio::this_coro::executor, std::chrono::milliseconds(5)).async_wait(asio::use_awaitable);{{$}}
  co_return;
}
