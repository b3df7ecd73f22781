// A wait for a value (a future's or a result's get) that the code has made
// sure is ready returns at once: after a status check in the branch or a
// statement before it (an assert, a test helper's assert_equal, a guard that
// throws), after awaiting the object or its resolve(), and on the values an
// awaited when_all gave, also in a lambda that captured the object after
// the check (concurrencpp's tests: assert_throws([&r] { r.get(); })).
// Without such a check it is reported, also in the helper that checks
// nothing and in a lambda made before the check.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <cassert>
#include <chrono>
#include <future>
#include <stdexcept>
#include <utility>

#include "concurrencpp/concurrencpp.h"
#include "cppcoro/task.hpp"

using namespace concurrencpp;
using namespace std::chrono_literals;

template <typename T> void assert_equal(const T &, const T &);
template <typename F> void assert_throws(F &&Task) {
  try {
    Task();
  } catch (...) {
  }
}

void check_ready(result<int> &R) {
  assert(R.status() == result_status::value);
  R.get();
}

void test_ready_result(result<int> R) {
  assert_equal(R.status(), result_status::value);
  try {
    R.get();
  } catch (...) {
  }
}

void guarded(result<int> R) {
  if (R.status() != result_status::value)
    throw std::logic_error("not ready");
  R.get();
}

void unchecked(result<int> R) { R.get(); }

result<int> ready(std::shared_ptr<thread_pool_executor> Ex, result<int> A,
                  result<int> B, std::future<int> F) {
  check_ready(A);
  test_ready_result(std::move(A));
  guarded(std::move(B));
  if (F.wait_for(0s) == std::future_status::ready)
    (void)F.get();
  co_await A.resolve();
  int V = A.get();
  co_await B;
  V += B.get();
  auto All = co_await when_all(Ex, std::move(A), std::move(B));
  V += std::get<0>(All).get();
  co_return V;
}

result<int> not_ready(result<int> A, std::future<int> F) {
  unchecked(std::move(A));
  // CHECK: :[[@LINE-1]]:3: warning: call to 'unchecked' reaches nested run 'concurrencpp::result::get' inside coroutine 'not_ready' [coro-sync-calls-async]
  // CHECK: :[[#NOT_READY:@LINE-3]]:13: note: coroutine 'not_ready' declared here
  // CHECK: :[[#UNCHECKED:@LINE-22]]:35: note: 'unchecked' calls 'concurrencpp::result::get' here
  // CHECK: :[[@LINE-4]]:3: note: make 'unchecked' a coroutine and 'co_await' it: async all the way up
  if (F.wait_for(0s) != std::future_status::ready)
    (void)F.get();
  // CHECK: :[[@LINE-1]]:13: warning: blocking call to 'std::future::get' (waits for another thread) inside coroutine 'not_ready' [coro-blocking-call]
  // CHECK: :[[#NOT_READY]]:13: note: coroutine 'not_ready' declared here
  // CHECK: :[[@LINE-3]]:13: note: use 'co_await' on the framework's own future or task instead
  int V = A.get();
  // CHECK: :[[@LINE-1]]:13: warning: nested run 'concurrencpp::result::get' inside coroutine 'not_ready' [coro-nested-run]
  // CHECK: :[[#NOT_READY]]:13: note: coroutine 'not_ready' declared here
  co_return V;
}

result<void> captured(result<int> A, result<int> B) {
  co_await A.resolve();
  assert_equal(A.status(), result_status::exception);
  assert_throws([&A] { A.get(); });
  auto Early = [&B] { B.get(); };
  assert_equal(B.status(), result_status::value);
  assert_throws(Early);
  // CHECK: :[[@LINE-1]]:3: warning: call to 'assert_throws' reaches nested run 'concurrencpp::result::get' inside coroutine 'captured' [coro-sync-calls-async]
  // CHECK: :[[@LINE-8]]:14: note: coroutine 'captured' declared here
  // CHECK: :27:5: note: 'assert_throws' calls 'lambda' here
  // CHECK: :[[@LINE-6]]:25: note: 'lambda' calls 'concurrencpp::result::get' here
  // CHECK: :[[@LINE-5]]:3: note: make 'assert_throws' a coroutine and 'co_await' it: async all the way up; no fix-it: 'assert_throws' is a template
  co_return;
}
