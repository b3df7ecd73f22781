// Sleeps and blocking calls reached through plain helpers are reported by
// their own checks, with a note per hop; FollowCalls=false turns that off.
// Where the helpers can become coroutines awaiting the framework's timer,
// the note carries that rewrite (--fix-notes applies it).
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-blocking-sleep,coro-blocking-call' --fix-notes %t.cpp -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only -I %inputs %t.cpp
// RUN: %clang_tidy --checks='-*,coro-blocking-sleep,coro-blocking-call' \
// RUN:   --config="{CheckOptions: {coro-blocking-sleep.FollowCalls: false, coro-blocking-call.FollowCalls: false}}" \
// RUN:   %s -- -std=c++20 -I %inputs | FileCheck --check-prefix=DIRECT %s --implicit-check-not='{{warning|note|error}}:'

#include <future>
#include <thread>
#include <unistd.h>

#include "folly/coro/Sleep.h"

// FIXED: {{^}}folly::coro::Task<void> backoff(int Attempt) { co_await folly::coro::sleep(std::chrono::microseconds(1000 * Attempt)); }{{$}}
// FIXED: {{^}}folly::coro::Task<void> retry(int Attempt) { co_await backoff(Attempt); }{{$}}
void backoff(int Attempt) { usleep(1000 * Attempt); }
void retry(int Attempt) { backoff(Attempt); }
int wait_for_quote(std::future<int> &F) { return F.get(); }

// std::jthread joins in its destructor.
struct Worker {
  std::jthread Thread{[] {}};
};

folly::coro::Task<int> handler(std::future<int> F) {
  retry(2);
  // CHECK: :[[@LINE-1]]:3: warning: call to 'retry' reaches blocking sleep 'usleep' inside coroutine 'handler' [coro-blocking-sleep]
  // CHECK: :[[#HANDLER:@LINE-3]]:24: note: coroutine 'handler' declared here
  // CHECK: :[[@LINE-12]]:27: note: 'retry' calls 'backoff' here
  // CHECK: :[[@LINE-14]]:29: note: 'backoff' calls 'usleep' here
  // CHECK: :[[@LINE-5]]:3: note: make 'retry' a coroutine and 'co_await' it: async all the way up
  // FIXED: {{^}}  co_await retry(2);{{$}}
  int Q = wait_for_quote(F);
  // CHECK: :[[@LINE-1]]:11: warning: call to 'wait_for_quote' reaches blocking call to 'std::future::get' (waits for another thread) inside coroutine 'handler' [coro-blocking-call]
  // CHECK: :[[#HANDLER]]:24: note: coroutine 'handler' declared here
  // CHECK: :[[@LINE-18]]:52: note: 'wait_for_quote' calls 'std::future::get' here
  // CHECK: :[[@LINE-4]]:11: note: use 'co_await' on the framework's own future or task instead
  {
    std::jthread T([] {});
    // CHECK: :[[@LINE-1]]:18: warning: blocking call to 'std::jthread::~jthread' (waits for another thread) inside coroutine 'handler' [coro-blocking-call]
    // CHECK: :[[@LINE+13]]:3: note: 'std::jthread::~jthread' is called here
    // CHECK: :[[#HANDLER]]:24: note: coroutine 'handler' declared here
    // CHECK: :[[@LINE-4]]:18: note: use the framework's join or 'when_all' instead
    // DIRECT: :[[@LINE-5]]:18: warning: blocking call to 'std::jthread::~jthread' (waits for another thread) inside coroutine 'handler' [coro-blocking-call]
    // DIRECT: :[[@LINE+9]]:3: note: 'std::jthread::~jthread' is called here
    // DIRECT: :[[@LINE-21]]:24: note: coroutine 'handler' declared here
    // DIRECT: :[[@LINE-8]]:18: note: use the framework's join or 'when_all' instead
    Worker W;
    // CHECK: :[[@LINE-1]]:12: warning: call to 'Worker::~Worker' reaches blocking call to 'std::jthread::~jthread' (waits for another thread) inside coroutine 'handler' [coro-blocking-call]
    // CHECK: :[[@LINE+4]]:3: note: 'Worker::~Worker' is called here
    // CHECK: :[[#HANDLER]]:24: note: coroutine 'handler' declared here
    // CHECK: :[[@LINE-31]]:8: note: 'Worker::~Worker' implicitly calls 'std::jthread::~jthread' here
    // CHECK: :[[@LINE-5]]:12: note: use the framework's join or 'when_all' instead
  }
  co_return Q;
}
