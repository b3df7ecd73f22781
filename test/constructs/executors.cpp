// Work handed to an executor is not the caller's code: concurrencpp's own
// coroutine that runs a submitted callable (instantiated from its header,
// reached here with -I, not -isystem) is not reported, nor a coroutine that
// runs on a thread of its own (an executor_tag with a thread_executor, or
// after resume_on(thread_executor)), nor what follows resume_on(the
// runtime's background executor). A lambda run in place is the caller's,
// and a coroutine the options vouch for or offload is not reported.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: %clang_tidy --checks='-*,coro-*' %s \
// RUN:   --config="{CheckOptions: {NonBlockingFunctions: 'poll_once', OffloadFunctions: 'in_place'}}" \
// RUN:   -- -std=c++20 -I %inputs | FileCheck --check-prefix=VOUCHED %s \
// RUN:   --implicit-check-not='{{warning|note|error}}:'

#include <chrono>
#include <memory>
#include <thread>

#include "concurrencpp/concurrencpp.h"

using namespace concurrencpp;

void submit_work(thread_pool_executor &Pool) {
  Pool.submit([] {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    return 0;
  });
}

result<void> on_own_thread(executor_tag, std::shared_ptr<thread_executor> Ex) {
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  co_return;
}

result<void> moves_over(std::shared_ptr<thread_executor> Ex) {
  co_await resume_on(Ex);
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

result<void> stays_on_pool(std::shared_ptr<thread_pool_executor> Ex) {
  co_await resume_on(Ex);
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'stays_on_pool' [coro-blocking-sleep]
  // CHECK: :[[@LINE-4]]:14: note: coroutine 'stays_on_pool' declared here
  // CHECK: :[[@LINE-3]]:3: note: concurrencpp coroutines await 'runtime.timer_queue()->make_delay_object(d, executor)' instead
}

// The runtime's background executor is concurrencpp's pool for blocking
// work: its README's examples resume on it to read files.
result<void> reads_in_background(
    std::shared_ptr<thread_pool_executor> background_executor) {
  co_await resume_on(background_executor);
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

result<void> asks_the_runtime(runtime &Runtime) {
  co_await resume_on(Runtime.background_executor());
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  co_await resume_on(Runtime.thread_pool_executor());
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'asks_the_runtime' [coro-blocking-sleep]
  // CHECK: :[[@LINE-6]]:14: note: coroutine 'asks_the_runtime' declared here
  // CHECK: :[[@LINE-3]]:3: note: concurrencpp coroutines await 'runtime.timer_queue()->make_delay_object(d, executor)' instead
}

result<void> poll_once() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'poll_once' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:14: note: coroutine 'poll_once' declared here
  // CHECK: :[[@LINE-3]]:3: note: concurrencpp coroutines await 'runtime.timer_queue()->make_delay_object(d, executor)' instead
  co_return;
}

result<void> in_place() {
  [] { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }();
  // CHECK: :[[@LINE-1]]:8: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'in_place' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:14: note: coroutine 'in_place' declared here
  // CHECK: :[[@LINE-3]]:8: note: concurrencpp coroutines await 'runtime.timer_queue()->make_delay_object(d, executor)' instead
  co_return;
}

// VOUCHED: :[[@LINE-40]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'stays_on_pool' [coro-blocking-sleep]
// VOUCHED: note: coroutine 'stays_on_pool' declared here
// VOUCHED: note: concurrencpp coroutines await
// VOUCHED: :[[@LINE-25]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'asks_the_runtime' [coro-blocking-sleep]
// VOUCHED: note: coroutine 'asks_the_runtime' declared here
// VOUCHED: note: concurrencpp coroutines await
