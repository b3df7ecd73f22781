// The sleep's fix-it names Asio from the global namespace wherever a nearer
// `asio` would be found instead (a namespace of the coroutine's own, a base
// class's member), or the name would be ambiguous (a namespace that a
// using-directive brings in): the fixed file compiles.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-blocking-sleep' --fix %t.cpp -- -std=c++20 %asio_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only %asio_flags %t.cpp

#include <asio.hpp>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

namespace app {
namespace asio {}
::asio::awaitable<void> tick() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'app::tick' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:25: note: coroutine 'app::tick' declared here
  // FIXED: {{^}}  co_await ::asio::steady_timer(co_await ::asio::this_coro::executor, 10ms).async_wait(::asio::use_awaitable);{{$}}
  co_return;
}
} // namespace app

namespace lib {
namespace asio {}
} // namespace lib

namespace uses {
using namespace lib;
::asio::awaitable<void> tock() {
  std::this_thread::sleep_for(20ms);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'uses::tock' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:25: note: coroutine 'uses::tock' declared here
  // FIXED: {{^}}  co_await ::asio::steady_timer(co_await ::asio::this_coro::executor, 20ms).async_wait(::asio::use_awaitable);{{$}}
  co_return;
}
} // namespace uses

struct Base {
  int asio = 0;
};
struct Clock : Base {
  ::asio::awaitable<void> tick() {
    std::this_thread::sleep_for(30ms);
    // CHECK: :[[@LINE-1]]:5: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'Clock::tick' [coro-blocking-sleep]
    // CHECK: :[[@LINE-3]]:27: note: coroutine 'Clock::tick' declared here
    // FIXED: {{^}}    co_await ::asio::steady_timer(co_await ::asio::this_coro::executor, 30ms).async_wait(::asio::use_awaitable);{{$}}
    co_return;
  }
};

// Nothing nearer: the usual spelling.
asio::awaitable<void> plain() {
  std::this_thread::sleep_for(40ms);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'plain' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:23: note: coroutine 'plain' declared here
  // FIXED: {{^}}  co_await asio::steady_timer(co_await asio::this_coro::executor, 40ms).async_wait(asio::use_awaitable);{{$}}
  co_return;
}
