// Run-to-completion entry points inside coroutines of each framework; the
// value-keeping ones are rewritten to co_await and the result compiled.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-nested-run' --fix %t.cpp -- -std=c++20 -I %inputs -I %inputs/qcoro \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only -I %inputs -I %inputs/qcoro %t.cpp

#include "async_simple/coro/SyncAwait.h"
#include "boost/cobalt/task.hpp"
#include "concurrencpp/concurrencpp.h"
#include "coro/coro.hpp"
#include "cppcoro/task.hpp"
#include "exec/task.hpp"
#include "folly/coro/Task.h"
#include "seastar/core/future.hh"
#include "unifex/task.hpp"
#include <QCoroTask>
#include <vector>

cppcoro::task<int> cppcoro_child();
cppcoro::task<int> cppcoro_parent() {
  int V = cppcoro::sync_wait(cppcoro_child());
  // CHECK: :[[@LINE-1]]:11: warning: nested run 'cppcoro::sync_wait' inside coroutine 'cppcoro_parent' [coro-nested-run]
  // CHECK: :[[#CPPCORO_PARENT:@LINE-3]]:20: note: coroutine 'cppcoro_parent' declared here
  // FIXED: {{^}}  int V = co_await cppcoro_child();{{$}}
  cppcoro::io_service Io;
  Io.process_events();
  // CHECK: :[[@LINE-1]]:6: warning: nested run 'cppcoro::io_service::process_events' inside coroutine 'cppcoro_parent' [coro-nested-run]
  // CHECK: :[[#CPPCORO_PARENT]]:20: note: coroutine 'cppcoro_parent' declared here
  // CHECK: :[[@LINE-3]]:6: note: do not process events from inside a coroutine; await the work instead
  co_return V + cppcoro::sync_wait(cppcoro_child()) * 2;
  // CHECK: :[[@LINE-1]]:17: warning: nested run 'cppcoro::sync_wait' inside coroutine 'cppcoro_parent' [coro-nested-run]
  // CHECK: :[[#CPPCORO_PARENT]]:20: note: coroutine 'cppcoro_parent' declared here
  // FIXED: {{^}}  co_return V + co_await cppcoro_child() * 2;{{$}}
}

// A folly Task is awaited as an rvalue: an lvalue argument is moved.
folly::coro::Task<int> folly_child();
folly::coro::Task<int> folly_parent() {
  auto T = folly_child();
  int A = folly::coro::blockingWait(T);
  // CHECK: :[[@LINE-1]]:11: warning: nested run 'folly::coro::blockingWait' inside coroutine 'folly_parent' [coro-nested-run]
  // CHECK: :[[#FOLLY_PARENT:@LINE-4]]:24: note: coroutine 'folly_parent' declared here
  // FIXED: {{^}}  int A = co_await std::move(T);{{$}}
  int B = folly::coro::blocking_wait(folly_child());
  // CHECK: :[[@LINE-1]]:11: warning: nested run 'folly::coro::blocking_wait' inside coroutine 'folly_parent' [coro-nested-run]
  // CHECK: :[[#FOLLY_PARENT]]:24: note: coroutine 'folly_parent' declared here
  // FIXED: {{^}}  int B = co_await folly_child();{{$}}
  folly::Future<int> F;
  std::move(F).get();
  // CHECK: :[[@LINE-1]]:16: warning: nested run 'folly::Future::get' inside coroutine 'folly_parent' [coro-nested-run]
  // CHECK: :[[#FOLLY_PARENT]]:24: note: coroutine 'folly_parent' declared here
  // CHECK: :[[@LINE-3]]:16: note: 'co_await std::move(future)' instead
  co_return A + B;
}

// sync_wait of a sender returns optional<tuple<...>>: no fix-it.
exec::task<int> stdexec_parent() {
  auto R = stdexec::sync_wait(stdexec::just(1));
  // CHECK: :[[@LINE-1]]:12: warning: nested run 'stdexec::sync_wait' inside coroutine 'stdexec_parent' [coro-nested-run]
  // CHECK: :[[#STDEXEC_PARENT:@LINE-3]]:17: note: coroutine 'stdexec_parent' declared here
  // CHECK: :[[@LINE-3]]:12: note: 'co_await' the sender instead; 'sync_wait' returns 'std::optional<std::tuple<...>>', so the rewrite changes the type and no automatic fix is offered
  stdexec::run_loop Loop;
  Loop.run();
  // CHECK: :[[@LINE-1]]:8: warning: nested run 'stdexec::run_loop::run' inside coroutine 'stdexec_parent' [coro-nested-run]
  // CHECK: :[[#STDEXEC_PARENT]]:17: note: coroutine 'stdexec_parent' declared here
  // CHECK: :[[@LINE-3]]:8: note: do not process events from inside a coroutine; await the work instead
  co_return std::get<0>(*R);
}

unifex::task<int> unifex_parent() {
  unifex::sync_wait(stdexec::just(1));
  // CHECK: :[[@LINE-1]]:3: warning: nested run 'unifex::sync_wait' inside coroutine 'unifex_parent' [coro-nested-run]
  // CHECK: :[[#UNIFEX_PARENT:@LINE-3]]:19: note: coroutine 'unifex_parent' declared here
  // CHECK: :[[@LINE-3]]:3: note: 'co_await' the sender instead; 'sync_wait' returns 'std::optional<std::tuple<...>>', so the rewrite changes the type and no automatic fix is offered
  co_return 0;
}

// syncAwait with an executor would lose the executor: no fix-it.
async_simple::coro::Lazy<int> lazy_child();
async_simple::coro::Lazy<int> async_simple_parent(async_simple::Executor *Ex) {
  int A = async_simple::coro::syncAwait(lazy_child());
  // CHECK: :[[@LINE-1]]:11: warning: nested run 'async_simple::coro::syncAwait' inside coroutine 'async_simple_parent' [coro-nested-run]
  // CHECK: :[[#ASYNC_SIMPLE_PARENT:@LINE-3]]:31: note: coroutine 'async_simple_parent' declared here
  // FIXED: {{^}}  int A = co_await lazy_child();{{$}}
  int B = async_simple::coro::syncAwait(lazy_child(), Ex);
  // CHECK: :[[@LINE-1]]:11: warning: nested run 'async_simple::coro::syncAwait' inside coroutine 'async_simple_parent' [coro-nested-run]
  // CHECK: :[[#ASYNC_SIMPLE_PARENT]]:31: note: coroutine 'async_simple_parent' declared here
  // CHECK: :[[@LINE-3]]:11: note: 'co_await' the work instead
  co_return A + B;
}

coro::task<int> libcoro_child();
coro::task<int> libcoro_parent(coro::scheduler &S) {
  int V = coro::sync_wait(libcoro_child());
  // CHECK: :[[@LINE-1]]:11: warning: nested run 'coro::sync_wait' inside coroutine 'libcoro_parent' [coro-nested-run]
  // CHECK: :[[#LIBCORO_PARENT:@LINE-3]]:17: note: coroutine 'libcoro_parent' declared here
  // FIXED: {{^}}  int V = co_await libcoro_child();{{$}}
  S.process_events(std::chrono::milliseconds(1));
  // CHECK: :[[@LINE-1]]:5: warning: nested run 'coro::scheduler::process_events' inside coroutine 'libcoro_parent' [coro-nested-run]
  // CHECK: :[[#LIBCORO_PARENT]]:17: note: coroutine 'libcoro_parent' declared here
  // CHECK: :[[@LINE-3]]:5: note: do not process events from inside a coroutine; await the work instead
  co_return V;
}

concurrencpp::result<int> concurrencpp_child();
concurrencpp::result<int> concurrencpp_parent() {
  auto R = concurrencpp_child();
  int V = R.get();
  // CHECK: :[[@LINE-1]]:13: warning: nested run 'concurrencpp::result::get' inside coroutine 'concurrencpp_parent' [coro-nested-run]
  // CHECK: :[[#CONCURRENCPP_PARENT:@LINE-4]]:27: note: coroutine 'concurrencpp_parent' declared here
  // FIXED: {{^}}  int V = co_await R;{{$}}
  R.wait();
  // CHECK: :[[@LINE-1]]:5: warning: nested run 'concurrencpp::result::wait' inside coroutine 'concurrencpp_parent' [coro-nested-run]
  // CHECK: :[[#CONCURRENCPP_PARENT]]:27: note: coroutine 'concurrencpp_parent' declared here
  // CHECK: :[[@LINE-3]]:5: note: 'co_await' the result instead
  co_return V + concurrencpp_child().get();
  // CHECK: :[[@LINE-1]]:38: warning: nested run 'concurrencpp::result::get' inside coroutine 'concurrencpp_parent' [coro-nested-run]
  // CHECK: :[[#CONCURRENCPP_PARENT]]:27: note: coroutine 'concurrencpp_parent' declared here
  // FIXED: {{^}}  co_return V + co_await concurrencpp_child();{{$}}
}

boost::cobalt::task<int> cobalt_child();
boost::cobalt::task<int> cobalt_parent() {
  co_return boost::cobalt::run(cobalt_child());
  // CHECK: :[[@LINE-1]]:13: warning: nested run 'boost::cobalt::run' inside coroutine 'cobalt_parent' [coro-nested-run]
  // CHECK: :[[#COBALT_PARENT:@LINE-3]]:26: note: coroutine 'cobalt_parent' declared here
  // FIXED: {{^}}  co_return co_await cobalt_child();{{$}}
}

// A Seastar future is move-only and awaited by value: an lvalue is moved.
seastar::future<int> seastar_child();
seastar::future<int> seastar_parent() {
  auto F = seastar_child();
  int A = F.get();
  // CHECK: :[[@LINE-1]]:13: warning: nested run 'seastar::future::get' inside coroutine 'seastar_parent' [coro-nested-run]
  // CHECK: :[[#SEASTAR_PARENT:@LINE-4]]:22: note: coroutine 'seastar_parent' declared here
  // FIXED: {{^}}  int A = co_await std::move(F);{{$}}
  int B = seastar_child().get();
  // CHECK: :[[@LINE-1]]:27: warning: nested run 'seastar::future::get' inside coroutine 'seastar_parent' [coro-nested-run]
  // CHECK: :[[#SEASTAR_PARENT]]:22: note: coroutine 'seastar_parent' declared here
  // FIXED: {{^}}  int B = co_await seastar_child();{{$}}
  co_return A + B;
}

QCoro::Task<int> qcoro_child();
QCoro::Task<int> qcoro_parent() {
  int V = QCoro::waitFor(qcoro_child());
  // CHECK: :[[@LINE-1]]:11: warning: nested run 'QCoro::waitFor' inside coroutine 'qcoro_parent' [coro-nested-run]
  // CHECK: :[[#QCORO_PARENT:@LINE-3]]:18: note: coroutine 'qcoro_parent' declared here
  // FIXED: {{^}}  int V = co_await qcoro_child();{{$}}
  QEventLoop Loop;
  Loop.exec();
  // CHECK: :[[@LINE-1]]:8: warning: nested run 'QEventLoop::exec' inside coroutine 'qcoro_parent' [coro-nested-run]
  // CHECK: :[[#QCORO_PARENT]]:18: note: coroutine 'qcoro_parent' declared here
  // CHECK: :[[@LINE-3]]:8: note: a nested event loop re-enters the application; await the work with QCoro instead
  co_return V;
}

// Awaiting another framework's task may not compile: no fix-it.
cppcoro::task<int> cross_framework() {
  co_return coro::sync_wait(libcoro_child());
  // CHECK: :[[@LINE-1]]:13: warning: nested run 'coro::sync_wait' inside coroutine 'cross_framework' [coro-nested-run]
  // CHECK: :[[#CROSS_FRAMEWORK:@LINE-3]]:20: note: coroutine 'cross_framework' declared here
  // CHECK: :[[@LINE-3]]:13: note: 'co_await' the work instead if this coroutine's task type can await it; no fix-it is offered across frameworks
  // FIXED: {{^}}  co_return coro::sync_wait(libcoro_child());{{$}}
}

// The result of the rewrite is parenthesized where a postfix operator
// follows it.
struct Point {
  int X;
};
cppcoro::task<Point> point_child();
cppcoro::task<int> parenthesized_result() {
  co_return cppcoro::sync_wait(point_child()).X;
  // CHECK: :[[@LINE-1]]:13: warning: nested run 'cppcoro::sync_wait' inside coroutine 'parenthesized_result' [coro-nested-run]
  // CHECK: :[[#PARENTHESIZED_RESULT:@LINE-3]]:20: note: coroutine 'parenthesized_result' declared here
  // FIXED: {{^}}  co_return (co_await point_child()).X;{{$}}
}

// No fix-it where co_await would not mean the same: in a static initializer
// (the guard would be held across the suspension), where a reference binds
// the result (co_await may yield a reference into the temporary task), and
// for a RescheduleLazy (only a detached coroutine may await it).
cppcoro::task<std::vector<int>> list_child();
cppcoro::task<int> no_fix_where_meaning_changes() {
  static int Cached = cppcoro::sync_wait(cppcoro_child());
  // CHECK: :[[@LINE-1]]:23: warning: nested run 'cppcoro::sync_wait' inside coroutine 'no_fix_where_meaning_changes' [coro-nested-run]
  // CHECK: :[[#MEANING:@LINE-3]]:20: note: coroutine 'no_fix_where_meaning_changes' declared here
  // CHECK: :[[@LINE-3]]:23: note: 'co_await' the work instead
  const int &Ref = cppcoro::sync_wait(cppcoro_child());
  // CHECK: :[[@LINE-1]]:20: warning: nested run 'cppcoro::sync_wait' inside coroutine 'no_fix_where_meaning_changes' [coro-nested-run]
  // CHECK: :[[#MEANING]]:20: note: coroutine 'no_fix_where_meaning_changes' declared here
  // CHECK: :[[@LINE-3]]:20: note: 'co_await' the work instead
  int Sum = 0;
  for (int X : cppcoro::sync_wait(list_child()))
    // CHECK: :[[@LINE-1]]:16: warning: nested run 'cppcoro::sync_wait' inside coroutine 'no_fix_where_meaning_changes' [coro-nested-run]
    // CHECK: :[[#MEANING]]:20: note: coroutine 'no_fix_where_meaning_changes' declared here
    // CHECK: :[[@LINE-3]]:16: note: 'co_await' the work instead
    Sum += X;
  co_return Cached + Ref + Sum;
}

async_simple::coro::Lazy<int> reschedule(async_simple::Executor *Ex) {
  co_return async_simple::coro::syncAwait(lazy_child().via(Ex));
  // CHECK: :[[@LINE-1]]:13: warning: nested run 'async_simple::coro::syncAwait' inside coroutine 'reschedule' [coro-nested-run]
  // CHECK: :[[@LINE-3]]:31: note: coroutine 'reschedule' declared here
  // CHECK: :[[@LINE-3]]:13: note: 'co_await' the work instead
}

// main and plain functions run the loop legitimately.
int main() {
  cppcoro::sync_wait(cppcoro_child());
  folly::coro::blockingWait(folly_child());
  stdexec::sync_wait(stdexec::just(1));
  QEventLoop Loop;
  return Loop.exec();
}
