// The fix for coro-sync-calls-async makes B a coroutine of A's framework and
// awaits it at every call. It sits on a note: --fix-notes applies it, --fix
// does not. Where it cannot be made, the note says why.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-sync-calls-async' --fix %t.cpp -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: diff %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-sync-calls-async' --fix-notes %t.cpp -- -std=c++20 -I %inputs > /dev/null
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only -I %inputs %t.cpp

#include "chains/legacy.h"
#include "cppcoro/task.hpp"

cppcoro::task<int> fetch();

// FIXED: {{^}}cppcoro::task<int> fetch_now();{{$}}
int fetch_now();

// FIXED: {{^}}cppcoro::task<int> fetch_now() {{[{]}}{{$}}
// FIXED-NEXT: {{^}}  int V = co_await fetch();{{$}}
// FIXED-NEXT: {{^}}  if (V < 0){{$}}
// FIXED-NEXT: {{^}}    co_return 0;{{$}}
// FIXED-NEXT: {{^}}  co_return V + 1;{{$}}
int fetch_now() {
  int V = cppcoro::sync_wait(fetch());
  if (V < 0)
    return 0;
  return V + 1;
}

// FIXED: {{^}}cppcoro::task<void> flush_now() { co_await fetch(); }{{$}}
void flush_now() { cppcoro::sync_wait(fetch()); }

cppcoro::task<int> handler() {
  flush_now();
  // CHECK: :[[@LINE-1]]:3: warning: call to 'flush_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'handler' [coro-sync-calls-async]
  // CHECK: :[[#HANDLER:@LINE-3]]:20: note: coroutine 'handler' declared here
  // CHECK: :[[@LINE-6]]:20: note: 'flush_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:3: note: make 'flush_now' a coroutine and 'co_await' it: async all the way up
  // FIXED: {{^}}  co_await flush_now();{{$}}
  int X = fetch_now() * 2;
  // CHECK: :[[@LINE-1]]:11: warning: call to 'fetch_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'handler' [coro-sync-calls-async]
  // CHECK: :[[#HANDLER]]:20: note: coroutine 'handler' declared here
  // CHECK: :[[@LINE-19]]:11: note: 'fetch_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:11: note: make 'fetch_now' a coroutine and 'co_await' it: async all the way up
  // FIXED: {{^}}  int X = co_await fetch_now() * 2;{{$}}
  co_return X + fetch_now();
  // CHECK: :[[@LINE-1]]:17: warning: call to 'fetch_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'handler' [coro-sync-calls-async]
  // CHECK: :[[#HANDLER]]:20: note: coroutine 'handler' declared here
  // CHECK: :[[@LINE-25]]:11: note: 'fetch_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:17: note: make 'fetch_now' a coroutine and 'co_await' it: async all the way up; the fix-it at an earlier call rewrites this call too
  // FIXED: {{^}}  co_return X + co_await fetch_now();{{$}}
}

// Two plain hops: both become coroutines. A plain function that calls one
// of them and that coroutines reach (summary) joins the rewrite; one that
// no coroutine reaches is a root (main, a thread's function): it runs the
// task to completion with the framework's own call.
// FIXED: {{^}}cppcoro::task<int> fetch_later() { co_return co_await fetch(); }{{$}}
// FIXED: {{^}}cppcoro::task<int> indirect() { co_return co_await fetch_later() + 1; }{{$}}
// FIXED: {{^}}cppcoro::task<int> summary() { co_return co_await indirect() * 2; }{{$}}
// FIXED: {{^}}cppcoro::task<int> also_from_main() { co_return co_await fetch(); }{{$}}
int fetch_later() { return cppcoro::sync_wait(fetch()); }
int indirect() { return fetch_later() + 1; }
int summary() { return indirect() * 2; }
int also_from_main() { return cppcoro::sync_wait(fetch()); }
// FIXED: {{^}}void on_thread() { cppcoro::sync_wait(indirect()); }{{$}}
void on_thread() { indirect(); }

cppcoro::task<int> up(int N) {
  int A = indirect();
  // CHECK: :[[@LINE-1]]:11: warning: call to 'indirect' reaches nested run 'cppcoro::sync_wait' inside coroutine 'up' [coro-sync-calls-async]
  // CHECK: :[[#UP:@LINE-3]]:20: note: coroutine 'up' declared here
  // CHECK: :[[@LINE-10]]:25: note: 'indirect' calls 'fetch_later' here
  // CHECK: :[[@LINE-12]]:28: note: 'fetch_later' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-5]]:11: note: make 'indirect' a coroutine and 'co_await' it: async all the way up
  // FIXED: {{^}}  int A = co_await indirect();{{$}}
  A += summary();
  // CHECK: :[[@LINE-1]]:8: warning: call to 'summary' reaches nested run 'cppcoro::sync_wait' inside coroutine 'up' [coro-sync-calls-async]
  // CHECK: :[[#UP]]:20: note: coroutine 'up' declared here
  // CHECK: :[[@LINE-16]]:24: note: 'summary' calls 'indirect' here
  // CHECK: :[[@LINE-18]]:25: note: 'indirect' calls 'fetch_later' here
  // CHECK: :[[@LINE-20]]:28: note: 'fetch_later' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-6]]:8: note: make 'summary' a coroutine and 'co_await' it: async all the way up; the fix-it at an earlier call rewrites this call too
  // FIXED: {{^}}  A += co_await summary();{{$}}
  A += also_from_main();
  // CHECK: :[[@LINE-1]]:8: warning: call to 'also_from_main' reaches nested run 'cppcoro::sync_wait' inside coroutine 'up' [coro-sync-calls-async]
  // CHECK: :[[#UP]]:20: note: coroutine 'up' declared here
  // CHECK: :[[@LINE-23]]:31: note: 'also_from_main' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:8: note: make 'also_from_main' a coroutine and 'co_await' it: async all the way up
  // FIXED: {{^}}  A += co_await also_from_main();{{$}}
  co_return A + N;
}

// No fix-it: B is declared in a header; B is virtual.
struct Service {
  virtual ~Service() = default;
  virtual int load() = 0;
};
struct Database final : Service {
  int load() override { return cppcoro::sync_wait(fetch()); }
};

cppcoro::task<int> no_fix(Database &D) {
  int A = load_row_now(1);
  // CHECK: :[[@LINE-1]]:11: warning: call to 'load_row_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'no_fix' [coro-sync-calls-async]
  // CHECK: :[[#NOFIX:@LINE-3]]:20: note: coroutine 'no_fix' declared here
  // CHECK: legacy.h:8:42: note: 'load_row_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:11: note: make 'load_row_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'load_row_now' is declared outside the main file or in a macro
  A += D.load();
  // CHECK: :[[@LINE-1]]:10: warning: call to 'Database::load' reaches nested run 'cppcoro::sync_wait' inside coroutine 'no_fix' [coro-sync-calls-async]
  // CHECK: :[[#NOFIX]]:20: note: coroutine 'no_fix' declared here
  // CHECK: :[[@LINE-12]]:32: note: 'Database::load' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:10: note: make 'Database::load' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Database::load' is virtual
  co_return A;
}

// FIXED: {{^}}int main() { return cppcoro::sync_wait(also_from_main()); }{{$}}
int main() { return also_from_main(); }

// A lambda no coroutine reaches is a root too.
// FIXED: {{^}}auto on_worker = [] { return cppcoro::sync_wait(indirect()); };{{$}}
auto on_worker = [] { return indirect(); };
