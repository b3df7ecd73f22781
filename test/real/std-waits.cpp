// The C++20 waits of libstdc++ 12: atomics, latches, barriers, semaphores,
// timed future waits and the future a discarded std::async leaves, which
// waits for its task in its destructor. A zero timeout polls and a kept
// future does not wait until it is asked: both stay quiet.
// RUN: %clang_tidy --checks='-*,coro-blocking-call' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <atomic>
#include <barrier>
#include <chrono>
#include <cppcoro/task.hpp>
#include <future>
#include <latch>
#include <semaphore>

using namespace std::chrono_literals;

int work();

cppcoro::task<> waits(std::atomic<int> &Counter, std::atomic_flag &Flag,
                      std::latch &Latch, std::barrier<> &Barrier,
                      std::binary_semaphore &Sem, std::future<int> &F) {
  Counter.wait(0);
  // CHECK: :[[@LINE-1]]:11: warning: blocking call to 'std::atomic::wait' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS:@LINE-5]]:17: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:11: note: use 'cppcoro::async_manual_reset_event' instead
  Flag.wait(false);
  // CHECK: :[[@LINE-1]]:8: warning: blocking call to 'std::atomic_flag::wait' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:17: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:8: note: use 'cppcoro::async_manual_reset_event' instead
  Latch.arrive_and_wait();
  // CHECK: :[[@LINE-1]]:9: warning: blocking call to 'std::latch::arrive_and_wait' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:17: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:9: note: use 'cppcoro::async_latch' instead
  Barrier.wait(Barrier.arrive());
  // CHECK: :[[@LINE-1]]:11: warning: blocking call to 'std::barrier::wait' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:17: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:11: note: use 'cppcoro::async_latch' instead
  (void)Sem.try_acquire_for(10ms);
  // CHECK: :[[@LINE-1]]:13: warning: blocking call to 'std::counting_semaphore::try_acquire_for' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:17: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:13: note: use 'cppcoro::async_latch' instead
  F.wait_for(50ms);
  // CHECK: :[[@LINE-1]]:5: warning: blocking call to 'std::future::wait_for' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:17: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:5: note: use 'co_await' on the framework's own future or task instead
  std::async(std::launch::async, work);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'std::async' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:17: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:3: note: use the framework's own executor for the task (the discarded future waits for it in its destructor) instead
  co_return;
}

// What returns at once.
cppcoro::task<> polls(std::latch &Latch, std::binary_semaphore &Sem,
                      std::future<int> &F) {
  Latch.count_down();
  (void)Latch.try_wait();
  (void)Sem.try_acquire();
  Sem.release();
  F.wait_for(0s);
  F.wait_for(std::chrono::milliseconds::zero());
  auto Kept = std::async(std::launch::async, work);
  co_return;
}
