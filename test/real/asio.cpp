// Standalone Asio from Debian's libasio-dev: sleeps become awaited timers,
// nested runs are reported, and the fixed file compiles.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-*' --fix %t.cpp -- -std=c++20 %asio_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only %asio_flags %t.cpp

#include <asio.hpp>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

asio::awaitable<void> session(asio::ip::tcp::socket Socket) {
  std::this_thread::sleep_for(100ms);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'session' [coro-blocking-sleep]
  // CHECK: :[[#SESSION:@LINE-3]]:23: note: coroutine 'session' declared here
  // FIXED: {{^}}  co_await asio::steady_timer(co_await asio::this_coro::executor, 100ms).async_wait(asio::use_awaitable);{{$}}
  sleep(1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'session' [coro-blocking-sleep]
  // CHECK: :[[#SESSION]]:23: note: coroutine 'session' declared here
  // FIXED: {{^}}  co_await asio::steady_timer(co_await asio::this_coro::executor, std::chrono::seconds(1)).async_wait(asio::use_awaitable);{{$}}
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_until' inside coroutine 'session' [coro-blocking-sleep]
  // CHECK: :[[#SESSION]]:23: note: coroutine 'session' declared here
  // FIXED: {{^}}  co_await asio::steady_timer(co_await asio::this_coro::executor, std::chrono::steady_clock::now() + 1s).async_wait(asio::use_awaitable);{{$}}
  // A system_clock time point needs a system_timer: no fix-it.
  std::this_thread::sleep_until(std::chrono::system_clock::now() + 1s);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_until' inside coroutine 'session' [coro-blocking-sleep]
  // CHECK: :[[#SESSION]]:23: note: coroutine 'session' declared here
  // CHECK: :[[@LINE-3]]:3: note: Asio coroutines await 'asio::steady_timer(co_await asio::this_coro::executor, d).async_wait(asio::use_awaitable)' instead
  co_return;
}

// The seed's mistake: a coroutine that runs its own event loop again.
asio::awaitable<void> nested(asio::io_context &Io) {
  Io.run();
  // CHECK: :[[@LINE-1]]:6: warning: nested run 'asio::io_context::run' inside coroutine 'nested' [coro-nested-run]
  // CHECK: :[[#NESTED:@LINE-3]]:23: note: coroutine 'nested' declared here
  // CHECK: :[[@LINE-3]]:6: note: do not run the event loop from a coroutine: it already runs on one; await the work instead
  Io.poll_one();
  // CHECK: :[[@LINE-1]]:6: warning: nested run 'asio::io_context::poll_one' inside coroutine 'nested' [coro-nested-run]
  // CHECK: :[[#NESTED]]:23: note: coroutine 'nested' declared here
  // CHECK: :[[@LINE-3]]:6: note: do not run the event loop
  Io.run_for(10ms);
  // CHECK: :[[@LINE-1]]:6: warning: nested run 'asio::io_context::run_for' inside coroutine 'nested' [coro-nested-run]
  // CHECK: :[[#NESTED]]:23: note: coroutine 'nested' declared here
  // CHECK: :[[@LINE-3]]:6: note: do not run the event loop
  co_return;
}

// use_awaitable completes on any_io_executor; an awaitable on another
// executor type cannot await it, so there is no fix-it.
asio::awaitable<void, asio::io_context::executor_type> other_executor() {
  usleep(10);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'usleep' inside coroutine 'other_executor' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:56: note: coroutine 'other_executor' declared here
  // CHECK: :[[@LINE-3]]:3: note: Asio coroutines await
  // FIXED: {{^}}  usleep(10);{{$}}
  co_return;
}

// Correct code: awaited timers, and run() where it belongs.
asio::awaitable<void> no_warning_correct_code() {
  asio::steady_timer Timer(co_await asio::this_coro::executor, 10ms);
  co_await Timer.async_wait(asio::use_awaitable);
}

int main() {
  asio::io_context Io;
  asio::co_spawn(Io, no_warning_correct_code(), asio::detached);
  Io.run();
}
