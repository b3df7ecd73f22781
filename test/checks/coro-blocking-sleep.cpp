// Thread sleeps in coroutines of every framework with an awaited timer; the
// fix-its are applied and the fixed file compiled.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-blocking-sleep' --fix %t.cpp -- -std=c++20 -I %inputs -I %inputs/qcoro \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only -I %inputs -I %inputs/qcoro %t.cpp

#include <chrono>
#include <thread>
#include <time.h>
#include <unistd.h>

#include "async_simple/coro/Sleep.h"
#include "coro/coro.hpp"
#include "cppcoro/task.hpp"
#include "exec/task.hpp"
#include "unifex/task.hpp"
#include "folly/coro/Sleep.h"
#include "seastar/core/sleep.hh"
#include <QCoroTimer>

using namespace std::chrono_literals;

folly::coro::Task<void> folly_sleeps() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'folly_sleeps' [coro-blocking-sleep]
  // CHECK: :[[#FOLLY_SLEEPS:@LINE-3]]:25: note: coroutine 'folly_sleeps' declared here
  // FIXED: {{^}}  co_await folly::coro::sleep(10ms);{{$}}
  sleep(2);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'folly_sleeps' [coro-blocking-sleep]
  // CHECK: :[[#FOLLY_SLEEPS]]:25: note: coroutine 'folly_sleeps' declared here
  // FIXED: {{^}}  co_await folly::coro::sleep(std::chrono::seconds(2));{{$}}
  usleep(500);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'usleep' inside coroutine 'folly_sleeps' [coro-blocking-sleep]
  // CHECK: :[[#FOLLY_SLEEPS]]:25: note: coroutine 'folly_sleeps' declared here
  // FIXED: {{^}}  co_await folly::coro::sleep(std::chrono::microseconds(500));{{$}}
  co_return;
}

// The value of POSIX sleep is the time left: rewriting would lose it.
folly::coro::Task<unsigned> no_fix_when_the_value_is_used() {
  unsigned Left = sleep(1);
  // CHECK: :[[@LINE-1]]:19: warning: blocking sleep 'sleep' inside coroutine 'no_fix_when_the_value_is_used' [coro-blocking-sleep]
  // CHECK: :[[#NO_FIX_WHEN_THE_VALUE_IS_USED:@LINE-3]]:29: note: coroutine 'no_fix_when_the_value_is_used' declared here
  // CHECK: :[[@LINE-3]]:19: note: folly coroutines await 'folly::coro::sleep(d)' instead
  // FIXED: {{^}}  unsigned Left = sleep(1);{{$}}
  co_return Left;
}

// folly::coro::sleep takes integral nanoseconds; a floating-point duration
// does not convert implicitly, and sleep_until has no folly counterpart.
folly::coro::Task<void> no_fix_when_folly_cannot_take_it() {
  std::this_thread::sleep_for(std::chrono::duration<double>(0.5));
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'no_fix_when_folly_cannot_take_it' [coro-blocking-sleep]
  // CHECK: :[[#NO_FIX_WHEN_FOLLY_CANNOT_TAKE_IT:@LINE-3]]:25: note: coroutine 'no_fix_when_folly_cannot_take_it' declared here
  // CHECK: :[[@LINE-3]]:3: note: folly coroutines await 'folly::coro::sleep(d)' instead
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1s);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_until' inside coroutine 'no_fix_when_folly_cannot_take_it' [coro-blocking-sleep]
  // CHECK: :[[#NO_FIX_WHEN_FOLLY_CANNOT_TAKE_IT]]:25: note: coroutine 'no_fix_when_folly_cannot_take_it' declared here
  // CHECK: :[[@LINE-3]]:3: note: folly coroutines await 'folly::coro::sleep(d)' instead
  timespec Ts{0, 1000};
  nanosleep(&Ts, nullptr);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'nanosleep' inside coroutine 'no_fix_when_folly_cannot_take_it' [coro-blocking-sleep]
  // CHECK: :[[#NO_FIX_WHEN_FOLLY_CANNOT_TAKE_IT]]:25: note: coroutine 'no_fix_when_folly_cannot_take_it' declared here
  // CHECK: :[[@LINE-3]]:3: note: folly coroutines await 'folly::coro::sleep(d)' instead
  co_return;
}

async_simple::coro::Lazy<int> async_simple_sleeps() {
  std::this_thread::sleep_for(std::chrono::duration<double>(0.25));
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'async_simple_sleeps' [coro-blocking-sleep]
  // CHECK: :[[#ASYNC_SIMPLE_SLEEPS:@LINE-3]]:31: note: coroutine 'async_simple_sleeps' declared here
  // FIXED: {{^}}  co_await async_simple::coro::sleep(std::chrono::duration<double>(0.25));{{$}}
  co_return 1;
}

seastar::future<> seastar_sleeps() {
  std::this_thread::sleep_for(1s);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'seastar_sleeps' [coro-blocking-sleep]
  // CHECK: :[[#SEASTAR_SLEEPS:@LINE-3]]:19: note: coroutine 'seastar_sleeps' declared here
  // FIXED: {{^}}  co_await seastar::sleep(1s);{{$}}
  co_return;
}

// QCoro::sleepFor takes milliseconds: seconds and milliseconds convert,
// microseconds do not.
QCoro::Task<> qcoro_sleeps() {
  QThread::sleep(1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'QThread::sleep' inside coroutine 'qcoro_sleeps' [coro-blocking-sleep]
  // CHECK: :[[#QCORO_SLEEPS:@LINE-3]]:15: note: coroutine 'qcoro_sleeps' declared here
  // FIXED: {{^}}  co_await QCoro::sleepFor(std::chrono::seconds(1));{{$}}
  QThread::msleep(20);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'QThread::msleep' inside coroutine 'qcoro_sleeps' [coro-blocking-sleep]
  // CHECK: :[[#QCORO_SLEEPS]]:15: note: coroutine 'qcoro_sleeps' declared here
  // FIXED: {{^}}  co_await QCoro::sleepFor(std::chrono::milliseconds(20));{{$}}
  QThread::usleep(20);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'QThread::usleep' inside coroutine 'qcoro_sleeps' [coro-blocking-sleep]
  // CHECK: :[[#QCORO_SLEEPS]]:15: note: coroutine 'qcoro_sleeps' declared here
  // CHECK: :[[@LINE-3]]:3: note: QCoro coroutines await 'QCoro::sleepFor(d)' instead
  // FIXED: {{^}}  QThread::usleep(20);{{$}}
  co_return;
}

// Frameworks whose timers need an object the coroutine may not have: a
// warning and a note, no fix-it.
coro::task<void> libcoro_sleeps() {
  std::this_thread::sleep_for(5ms);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'libcoro_sleeps' [coro-blocking-sleep]
  // CHECK: :[[#LIBCORO_SLEEPS:@LINE-3]]:18: note: coroutine 'libcoro_sleeps' declared here
  // CHECK: :[[@LINE-3]]:3: note: libcoro coroutines await 'sched->yield_for(d)' on a 'coro::scheduler' instead
  co_return;
}

cppcoro::task<> cppcoro_sleeps() {
  sleep(1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'cppcoro_sleeps' [coro-blocking-sleep]
  // CHECK: :[[#CPPCORO_SLEEPS:@LINE-3]]:17: note: coroutine 'cppcoro_sleeps' declared here
  // CHECK: :[[@LINE-3]]:3: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  co_return;
}

// stdexec's and libunifex's task types are alias templates; their
// coroutines are still known.
exec::task<void> stdexec_sleeps() {
  sleep(1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'stdexec_sleeps' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:18: note: coroutine 'stdexec_sleeps' declared here
  // CHECK: :[[@LINE-3]]:3: note: stdexec coroutines await 'exec::schedule_after(sched, d)' on a timed scheduler instead
  co_return;
}

unifex::task<int> unifex_sleeps() {
  sleep(1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'unifex_sleeps' [coro-blocking-sleep]
  // CHECK: :[[@LINE-3]]:19: note: coroutine 'unifex_sleeps' declared here
  // CHECK: :[[@LINE-3]]:3: note: libunifex coroutines await 'unifex::schedule_after(sched, d)' on a scheduler instead
  co_return 0;
}

// Plain functions may sleep.
void no_warning_outside_coroutines() {
  std::this_thread::sleep_for(1ms);
  sleep(1);
}

// A synchronous generator is not an asynchronous context.
cppcoro::generator<int> no_warning_in_synchronous_generator() {
  std::this_thread::sleep_for(1ms);
  co_yield 1;
}
