// Coroutine A calls plain function B, which runs coroutine C to completion:
// found at any depth, through members, statics, templates, recursion,
// destructors, forward declarations and headers, with one note per hop.
// RUN: %clang_tidy --checks='-*,coro-sync-calls-async' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include "chains/legacy.h"
#include "cppcoro/task.hpp"

cppcoro::task<int> fetch();

// Depth 1: the seed's B.
int fetch_now() { return cppcoro::sync_wait(fetch()); }

cppcoro::task<int> depth_one() {
  co_return fetch_now();
  // CHECK: :[[@LINE-1]]:13: warning: call to 'fetch_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'depth_one' [coro-sync-calls-async]
  // CHECK: :[[@LINE-3]]:20: note: coroutine 'depth_one' declared here
  // CHECK: :[[@LINE-6]]:26: note: 'fetch_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:13: note: make 'fetch_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'fetch_now' is used outside cppcoro coroutines
}

// Depth 3, through a static member and a member function.
struct Cache {
  static int refresh() { return fetch_now() + 1; }
  int get() { return refresh(); }
};

cppcoro::task<int> depth_three() {
  Cache C;
  co_return C.get();
  // CHECK: :[[@LINE-1]]:15: warning: call to 'Cache::get' reaches nested run 'cppcoro::sync_wait' inside coroutine 'depth_three' [coro-sync-calls-async]
  // CHECK: :[[@LINE-4]]:20: note: coroutine 'depth_three' declared here
  // CHECK: :[[@LINE-8]]:22: note: 'Cache::get' calls 'Cache::refresh' here
  // CHECK: :[[@LINE-10]]:33: note: 'Cache::refresh' calls 'fetch_now' here
  // CHECK: :[[@LINE-23]]:26: note: 'fetch_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-6]]:15: note: make 'Cache::get' a coroutine and 'co_await' it: async all the way up; no fix-it: 'fetch_now' is used outside cppcoro coroutines (the rewrite would change it too)
}

// Several paths reach the run: one warning, with the shortest.
int two_paths() { return Cache::refresh() + fetch_now(); }

cppcoro::task<int> one_warning_per_call() {
  co_return two_paths();
  // CHECK: :[[@LINE-1]]:13: warning: call to 'two_paths' reaches nested run 'cppcoro::sync_wait' inside coroutine 'one_warning_per_call' [coro-sync-calls-async]
  // CHECK: :[[@LINE-3]]:20: note: coroutine 'one_warning_per_call' declared here
  // CHECK: :[[@LINE-6]]:45: note: 'two_paths' calls 'fetch_now' here
  // CHECK: :[[@LINE-35]]:26: note: 'fetch_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-5]]:13: note: make 'two_paths' a coroutine and 'co_await' it: async all the way up; no fix-it: 'fetch_now' is used outside cppcoro coroutines (the rewrite would change it too)
}

// A template, reported once for all its instances; recursion ends.
template <typename T> T fetch_as(int Depth) {
  if (Depth > 0)
    return fetch_as<T>(Depth - 1);
  return static_cast<T>(fetch_now());
}

// Mutual recursion: the shortest path is reported.
int ping(int N);
int pong(int N) { return N ? ping(N - 1) : 0; }
int ping(int N) { return N ? pong(N - 1) : fetch_now(); }

cppcoro::task<long> templates_and_recursion() {
  long A = fetch_as<long>(3);
  // CHECK: :[[@LINE-1]]:12: warning: call to 'fetch_as' reaches nested run 'cppcoro::sync_wait' inside coroutine 'templates_and_recursion' [coro-sync-calls-async]
  // CHECK: :[[#TR:@LINE-3]]:21: note: coroutine 'templates_and_recursion' declared here
  // CHECK: :[[@LINE-12]]:25: note: 'fetch_as' calls 'fetch_now' here
  // CHECK: :[[@LINE-56]]:26: note: 'fetch_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-5]]:12: note: make 'fetch_as' a coroutine and 'co_await' it: async all the way up; no fix-it: 'fetch_now' is used outside cppcoro coroutines (the rewrite would change it too)
  int B = pong(4);
  // CHECK: :[[@LINE-1]]:11: warning: call to 'pong' reaches nested run 'cppcoro::sync_wait' inside coroutine 'templates_and_recursion' [coro-sync-calls-async]
  // CHECK: :[[#TR]]:21: note: coroutine 'templates_and_recursion' declared here
  // CHECK: :[[@LINE-13]]:30: note: 'pong' calls 'ping' here
  // CHECK: :[[@LINE-13]]:44: note: 'ping' calls 'fetch_now' here
  // CHECK: :[[@LINE-63]]:26: note: 'fetch_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-6]]:11: note: make 'pong' a coroutine and 'co_await' it: async all the way up; no fix-it: 'fetch_now' is used outside cppcoro coroutines (the rewrite would change it too)
  co_return A + B;
}

// A destructor that runs a coroutine to completion (libcoro#393), reported
// on the declaration, with a note where the destructor runs.
struct Flusher {
  ~Flusher() { fetch_now(); }
};

cppcoro::task<> implicit_destructor() {
  {
    Flusher F;
    // CHECK: :[[@LINE-1]]:13: warning: call to 'Flusher::~Flusher' reaches nested run 'cppcoro::sync_wait' inside coroutine 'implicit_destructor' [coro-sync-calls-async]
    // CHECK: :[[@LINE+5]]:3: note: 'Flusher::~Flusher' is called here
    // CHECK: :[[@LINE-5]]:17: note: coroutine 'implicit_destructor' declared here
    // CHECK: :[[@LINE-9]]:16: note: 'Flusher::~Flusher' calls 'fetch_now' here
    // CHECK: :[[@LINE-81]]:26: note: 'fetch_now' calls 'cppcoro::sync_wait' here
    // CHECK: :[[@LINE-6]]:13: note: make 'Flusher::~Flusher' a coroutine and 'co_await' it: async all the way up; no fix-it: 'fetch_now' is used outside cppcoro coroutines (the rewrite would change it too)
  }
  co_return;
}

// Through a helper declared before its definition, and through a header.
int forward_declared();

cppcoro::task<int> through_headers() {
  int A = forward_declared();
  // CHECK: :[[@LINE-1]]:11: warning: call to 'forward_declared' reaches nested run 'cppcoro::sync_wait' inside coroutine 'through_headers' [coro-sync-calls-async]
  // CHECK: :[[#TH:@LINE-3]]:20: note: coroutine 'through_headers' declared here
  // CHECK: :[[@LINE+21]]:33: note: 'forward_declared' calls 'load_total' here
  // CHECK: legacy.h:13:12: note: 'load_total' calls 'load_row_now' here
  // CHECK: legacy.h:8:42: note: 'load_row_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-6]]:11: note: make 'forward_declared' a coroutine and 'co_await' it: async all the way up; no fix-it: 'load_total' is declared outside the main file or in a macro (the rewrite would change it too)
  co_return A;
}

// Not reported: pure helpers, coroutine callees (their own bodies are
// checked where they are), and sync_wait in main and what only main calls.
int pure(int X) { return X * 2; }
cppcoro::task<int> awaited_child() { co_return fetch_now(); }
// CHECK: :[[@LINE-1]]:48: warning: call to 'fetch_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'awaited_child' [coro-sync-calls-async]
// CHECK: :[[@LINE-2]]:20: note: coroutine 'awaited_child' declared here
// CHECK: :[[@LINE-107]]:26: note: 'fetch_now' calls 'cppcoro::sync_wait' here
// CHECK: :[[@LINE-4]]:48: note: make 'fetch_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'fetch_now' is used outside cppcoro coroutines

cppcoro::task<int> no_warning_for_coroutine_callees() {
  int A = co_await awaited_child();
  co_return pure(A);
}

int forward_declared() { return load_total(2); }

int startup() { return load_total(3); }
int main() { return startup() + cppcoro::sync_wait(depth_one()); }
