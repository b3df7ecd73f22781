// Blocking standard and POSIX calls inside a coroutine, with the real
// libstdc++ and glibc headers.
// RUN: %clang_tidy --checks='-*,coro-blocking-call' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <barrier>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <latch>
#include <mutex>
#include <netdb.h>
#include <semaphore>
#include <stdlib.h>
#include <thread>

#include "coro/coro.hpp"
#include "cppcoro/task.hpp"

cppcoro::task<int> waits(std::future<int> F, std::shared_future<int> S) {
  F.wait();
  // CHECK: :[[@LINE-1]]:5: warning: blocking call to 'std::future::wait' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS:@LINE-3]]:20: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:5: note: use 'co_await' on the framework's own future or task instead
  int V = F.get();
  // CHECK: :[[@LINE-1]]:13: warning: blocking call to 'std::future::get' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:20: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:13: note: use 'co_await' on the framework's own future or task instead
  S.wait();
  // CHECK: :[[@LINE-1]]:5: warning: blocking call to 'std::shared_future::wait' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:20: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:5: note: use 'co_await' on the framework's own future or task instead
  V += S.get();
  // CHECK: :[[@LINE-1]]:10: warning: blocking call to 'std::shared_future::get' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:20: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:10: note: use 'co_await' on the framework's own future or task instead
  co_return V;
}

cppcoro::task<> joins(std::thread &T, std::jthread &J) {
  T.join();
  // CHECK: :[[@LINE-1]]:5: warning: blocking call to 'std::thread::join' (waits for another thread) inside coroutine 'joins' [coro-blocking-call]
  // CHECK: :[[#JOINS:@LINE-3]]:17: note: coroutine 'joins' declared here
  // CHECK: :[[@LINE-3]]:5: note: use the framework's join or 'when_all' instead
  J.join();
  // CHECK: :[[@LINE-1]]:5: warning: blocking call to 'std::jthread::join' (waits for another thread) inside coroutine 'joins' [coro-blocking-call]
  // CHECK: :[[#JOINS]]:17: note: coroutine 'joins' declared here
  // CHECK: :[[@LINE-3]]:5: note: use the framework's join or 'when_all' instead
  co_return;
}

cppcoro::task<> synchronizes(std::mutex &M, std::condition_variable &CV,
                             std::condition_variable_any &CVA, std::latch &L,
                             std::barrier<> &B,
                             std::counting_semaphore<4> &Sem,
                             std::binary_semaphore &Bin) {
  std::unique_lock<std::mutex> Lock(M);
  CV.wait(Lock);
  // CHECK: :[[@LINE-1]]:6: warning: blocking call to 'std::condition_variable::wait' (waits for another thread) inside coroutine 'synchronizes' [coro-blocking-call]
  // CHECK: :[[#SYNCHRONIZES:@LINE-8]]:17: note: coroutine 'synchronizes' declared here
  // CHECK: :[[@LINE-3]]:6: note: use 'cppcoro::async_manual_reset_event' instead
  CV.wait_for(Lock, std::chrono::seconds(1), [] { return true; });
  // CHECK: :[[@LINE-1]]:6: warning: blocking call to 'std::condition_variable::wait_for' (waits for another thread) inside coroutine 'synchronizes' [coro-blocking-call]
  // CHECK: :[[#SYNCHRONIZES]]:17: note: coroutine 'synchronizes' declared here
  // CHECK: :[[@LINE-3]]:6: note: use 'cppcoro::async_manual_reset_event' instead
  CVA.wait_until(Lock, std::chrono::steady_clock::now());
  // CHECK: :[[@LINE-1]]:7: warning: blocking call to 'std::condition_variable_any::wait_until' (waits for another thread) inside coroutine 'synchronizes' [coro-blocking-call]
  // CHECK: :[[#SYNCHRONIZES]]:17: note: coroutine 'synchronizes' declared here
  // CHECK: :[[@LINE-3]]:7: note: use 'cppcoro::async_manual_reset_event' instead
  L.wait();
  // CHECK: :[[@LINE-1]]:5: warning: blocking call to 'std::latch::wait' (waits for another thread) inside coroutine 'synchronizes' [coro-blocking-call]
  // CHECK: :[[#SYNCHRONIZES]]:17: note: coroutine 'synchronizes' declared here
  // CHECK: :[[@LINE-3]]:5: note: use 'cppcoro::async_latch' instead
  B.arrive_and_wait();
  // CHECK: :[[@LINE-1]]:5: warning: blocking call to 'std::barrier::arrive_and_wait' (waits for another thread) inside coroutine 'synchronizes' [coro-blocking-call]
  // CHECK: :[[#SYNCHRONIZES]]:17: note: coroutine 'synchronizes' declared here
  // CHECK: :[[@LINE-3]]:5: note: use 'cppcoro::async_latch' instead
  Sem.acquire();
  // CHECK: :[[@LINE-1]]:7: warning: blocking call to 'std::counting_semaphore::acquire' (waits for another thread) inside coroutine 'synchronizes' [coro-blocking-call]
  // CHECK: :[[#SYNCHRONIZES]]:17: note: coroutine 'synchronizes' declared here
  // CHECK: :[[@LINE-3]]:7: note: use 'cppcoro::async_latch' instead
  Bin.acquire();
  // CHECK: :[[@LINE-1]]:7: warning: blocking call to 'std::counting_semaphore::acquire' (waits for another thread) inside coroutine 'synchronizes' [coro-blocking-call]
  // CHECK: :[[#SYNCHRONIZES]]:17: note: coroutine 'synchronizes' declared here
  // CHECK: :[[@LINE-3]]:7: note: use 'cppcoro::async_latch' instead
  // Non-blocking forms and std::mutex::lock (off by default) are fine.
  Sem.try_acquire();
  L.try_wait();
  M.unlock();
  M.lock();
  co_return;
}

cppcoro::task<> processes_and_names() {
  std::system("true");
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'system' (waits for a process) inside coroutine 'processes_and_names' [coro-blocking-call]
  // CHECK: :[[#PROCESSES_AND_NAMES:@LINE-3]]:17: note: coroutine 'processes_and_names' declared here
  // CHECK: :[[@LINE-3]]:3: note: use an asynchronous process API (Boost.Process v2 'async_execute', Seastar 'spawn_process', Qt 'QProcess' with QCoro) instead
  FILE *P = popen("ls", "r");
  // CHECK: :[[@LINE-1]]:13: warning: blocking call to 'popen' (waits for a process) inside coroutine 'processes_and_names' [coro-blocking-call]
  // CHECK: :[[#PROCESSES_AND_NAMES]]:17: note: coroutine 'processes_and_names' declared here
  // CHECK: :[[@LINE-3]]:13: note: use an asynchronous process API (Boost.Process v2 'async_execute', Seastar 'spawn_process', Qt 'QProcess' with QCoro) instead
  pclose(P);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'pclose' (waits for a process) inside coroutine 'processes_and_names' [coro-blocking-call]
  // CHECK: :[[#PROCESSES_AND_NAMES]]:17: note: coroutine 'processes_and_names' declared here
  // CHECK: :[[@LINE-3]]:3: note: use an asynchronous process API (Boost.Process v2 'async_execute', Seastar 'spawn_process', Qt 'QProcess' with QCoro) instead
  addrinfo *Res = nullptr;
  getaddrinfo("localhost", "80", nullptr, &Res);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'getaddrinfo' (synchronous name resolution) inside coroutine 'processes_and_names' [coro-blocking-call]
  // CHECK: :[[#PROCESSES_AND_NAMES]]:17: note: coroutine 'processes_and_names' declared here
  // CHECK: :[[@LINE-3]]:3: note: use an asynchronous resolver (Asio 'resolver.async_resolve', Seastar 'net::dns', libcoro 'net::dns::resolver') instead
  gethostbyname("localhost");
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'gethostbyname' (synchronous name resolution) inside coroutine 'processes_and_names' [coro-blocking-call]
  // CHECK: :[[#PROCESSES_AND_NAMES]]:17: note: coroutine 'processes_and_names' declared here
  // CHECK: :[[@LINE-3]]:3: note: use an asynchronous resolver (Asio 'resolver.async_resolve', Seastar 'net::dns', libcoro 'net::dns::resolver') instead
  co_return;
}

// Where the coroutine's framework has its own alternative, the note names
// it; elsewhere it lists the frameworks'.
coro::task<> libcoro_waits(std::condition_variable &CV, std::latch &L) {
  std::mutex M;
  std::unique_lock<std::mutex> Lock(M);
  CV.wait(Lock);
  // CHECK: :[[@LINE-1]]:6: warning: blocking call to 'std::condition_variable::wait' (waits for another thread) inside coroutine 'libcoro_waits' [coro-blocking-call]
  // CHECK: :[[#LIBCORO:@LINE-5]]:14: note: coroutine 'libcoro_waits' declared here
  // CHECK: :[[@LINE-3]]:6: note: use 'coro::condition_variable' instead
  L.wait();
  // CHECK: :[[@LINE-1]]:5: warning: blocking call to 'std::latch::wait' (waits for another thread) inside coroutine 'libcoro_waits' [coro-blocking-call]
  // CHECK: :[[#LIBCORO]]:14: note: coroutine 'libcoro_waits' declared here
  // CHECK: :[[@LINE-3]]:5: note: use 'coro::latch' or 'coro::semaphore' instead
  gethostbyname("localhost");
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'gethostbyname' (synchronous name resolution) inside coroutine 'libcoro_waits' [coro-blocking-call]
  // CHECK: :[[#LIBCORO]]:14: note: coroutine 'libcoro_waits' declared here
  // CHECK: :[[@LINE-3]]:3: note: use 'coro::net::dns::resolver' instead
  co_return;
}

void no_warning_outside_coroutines(std::future<int> F, std::thread &T) {
  F.get();
  T.join();
  std::system("true");
}
