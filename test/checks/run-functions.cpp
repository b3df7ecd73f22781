// RunFunctions names a team's own run-to-completion entry points: their
// calls in a coroutine are nested runs (coro-nested-run), a plain function
// that reaches one is coro-sync-calls-async, and the value-keeping rewrite
// awaits the argument when it is a task the coroutine can await (its own
// task type, or its framework's). Without the option they are plain calls.
// RUN: %clang_tidy --checks='-*,coro-nested-run,coro-sync-calls-async' \
// RUN:   --config="{CheckOptions: {RunFunctions: 'acme::run_sync; ^acme::block_on_.*$'}}" \
// RUN:   %s -- -std=c++20 -I %inputs | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck --allow-empty --check-prefix=NONE %s
// NONE-NOT: {{warning|note|error}}:
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-nested-run,coro-sync-calls-async' --fix-notes \
// RUN:   --config="{CheckOptions: {RunFunctions: 'acme::run_sync; ^acme::block_on_.*$'}}" \
// RUN:   %t.cpp -- -std=c++20 -I %inputs > /dev/null 2>&1
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only -I %inputs %t.cpp

#include <utility>

#include "cppcoro/task.hpp"
#include "inhouse/task.h"

namespace acme {
// The team's sync_wait: drives its own event loop until T is done.
template <typename T> typename T::value_type run_sync(T &&Task);
int block_on_int(cppcoro::task<int> Task);
Job<int> price();
} // namespace acme

cppcoro::task<int> quote();

acme::Job<int> direct() {
  int P = acme::run_sync(acme::price());
  // CHECK: :[[@LINE-1]]:11: warning: nested run 'acme::run_sync' inside coroutine 'direct' [coro-nested-run]
  // CHECK: :[[@LINE-3]]:16: note: coroutine 'direct' declared here
  // FIXED: {{^}}  int P = co_await acme::price();{{$}}
  co_return P;
}

// Another framework's task is not awaited in an acme::Job: no fix-it.
acme::Job<int> across() {
  int P = acme::block_on_int(quote());
  // CHECK: :[[@LINE-1]]:11: warning: nested run 'acme::block_on_int' inside coroutine 'across' [coro-nested-run]
  // CHECK: :[[@LINE-3]]:16: note: coroutine 'across' declared here
  // CHECK: :[[@LINE-3]]:11: note: 'co_await' the work instead
  // FIXED: {{^}}  int P = acme::block_on_int(quote());{{$}}
  co_return P;
}

// The classic chain: a plain helper runs a cppcoro task to completion.
int quote_now() { return acme::block_on_int(quote()); }
// FIXED: {{^}}cppcoro::task<int> quote_now() { co_return co_await quote(); }{{$}}

cppcoro::task<int> loop() {
  int Q = quote_now();
  // CHECK: :[[@LINE-1]]:11: warning: call to 'quote_now' reaches nested run 'acme::block_on_int' inside coroutine 'loop' [coro-sync-calls-async]
  // CHECK: :[[@LINE-3]]:20: note: coroutine 'loop' declared here
  // CHECK: :[[@LINE-7]]:26: note: 'quote_now' calls 'acme::block_on_int' here
  // CHECK: :[[@LINE-4]]:11: note: make 'quote_now' a coroutine and 'co_await' it: async all the way up
  // FIXED: {{^}}  int Q = co_await quote_now();{{$}}
  co_return Q;
}
