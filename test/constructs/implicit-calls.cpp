// Implicit calls: destructors of locals and temporaries, range-for's begin,
// delete. Not reported: objects initialized in place (copy elision, NRVO),
// statics, moved-from objects, reference and union members.
// RUN: %clang_tidy --checks='-*,coro-sync-calls-async,coro-blocking-call' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <thread>
#include <utility>
#include <vector>

#include "cppcoro/task.hpp"

cppcoro::task<int> child();

struct Guard {
  ~Guard() { cppcoro::sync_wait(child()); }
};
Guard make();
Guard factory() {
  Guard G;
  return G;
}

struct View {
  Guard &G;
  ~View() {}
};
union Slot {
  Guard G;
  ~Slot() {}
};

struct Range {
  int *begin() { cppcoro::sync_wait(child()); return nullptr; }
  int *end() { return nullptr; }
};

void drop(Guard *P) { delete P; }

cppcoro::task<> implicit_calls(Guard &Shared, Guard *Owned) {
  Guard A = make();
  // CHECK: :[[@LINE-1]]:9: warning: call to 'Guard::~Guard' reaches nested run 'cppcoro::sync_wait' inside coroutine 'implicit_calls' [coro-sync-calls-async]
  // CHECK: :[[@LINE+37]]:1: note: 'Guard::~Guard' is called here
  // CHECK: :[[@LINE-4]]:17: note: coroutine 'implicit_calls' declared here
  // CHECK: :[[@LINE-29]]:14: note: 'Guard::~Guard' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-5]]:9: note: make 'Guard::~Guard' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Guard::~Guard' is a constructor, destructor, operator, lambda or main
  const Guard &B = make();
  // CHECK: :[[@LINE-1]]:20: warning: call to 'Guard::~Guard' reaches nested run 'cppcoro::sync_wait' inside coroutine 'implicit_calls' [coro-sync-calls-async]
  // CHECK: :[[@LINE+31]]:1: note: 'Guard::~Guard' is called here
  // CHECK: :[[@LINE-10]]:17: note: coroutine 'implicit_calls' declared here
  // CHECK: :[[@LINE-35]]:14: note: 'Guard::~Guard' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-5]]:20: note: make 'Guard::~Guard' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Guard::~Guard' is a constructor, destructor, operator, lambda or main
  make();
  // CHECK: :[[@LINE-1]]:3: warning: call to 'Guard::~Guard' reaches nested run 'cppcoro::sync_wait' inside coroutine 'implicit_calls' [coro-sync-calls-async]
  // CHECK: :[[@LINE-2]]:8: note: 'Guard::~Guard' is called here
  // CHECK: :[[@LINE-16]]:17: note: coroutine 'implicit_calls' declared here
  // CHECK: :[[@LINE-41]]:14: note: 'Guard::~Guard' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-5]]:3: note: make 'Guard::~Guard' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Guard::~Guard' is a constructor, destructor, operator, lambda or main
  static Guard S = make();
  Guard C = factory();
  // CHECK: :[[@LINE-1]]:9: warning: call to 'Guard::~Guard' reaches nested run 'cppcoro::sync_wait' inside coroutine 'implicit_calls' [coro-sync-calls-async]
  // CHECK: :[[@LINE+18]]:1: note: 'Guard::~Guard' is called here
  // CHECK: :[[@LINE-23]]:17: note: coroutine 'implicit_calls' declared here
  // CHECK: :[[@LINE-48]]:14: note: 'Guard::~Guard' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-5]]:9: note: make 'Guard::~Guard' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Guard::~Guard' is a constructor, destructor, operator, lambda or main
  View V{Shared};
  for (int X : Range()) {
  // CHECK: :[[@LINE-1]]:14: warning: call to 'Range::begin' reaches nested run 'cppcoro::sync_wait' inside coroutine 'implicit_calls' [coro-sync-calls-async]
  // CHECK: :[[@LINE-29]]:17: note: coroutine 'implicit_calls' declared here
  // CHECK: :[[@LINE-36]]:18: note: 'Range::begin' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:14: note: make 'Range::begin' a coroutine and 'co_await' it: async all the way up; no fix-it: a call of 'Range::begin' cannot be awaited where it is
  }
  drop(Owned);
  // CHECK: :[[@LINE-1]]:3: warning: call to 'drop' reaches nested run 'cppcoro::sync_wait' inside coroutine 'implicit_calls' [coro-sync-calls-async]
  // CHECK: :[[@LINE-35]]:17: note: coroutine 'implicit_calls' declared here
  // CHECK: :[[@LINE-38]]:23: note: 'drop' implicitly calls 'Guard::~Guard' here
  // CHECK: :[[@LINE-61]]:14: note: 'Guard::~Guard' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-5]]:3: note: make 'drop' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Guard::~Guard' is a constructor, destructor, operator, lambda or main (the rewrite would change it too)
  co_return;
}

cppcoro::task<> moved_threads(std::vector<std::jthread> &Pool) {
  std::jthread T([] {});
  Pool.push_back(std::move(T));
  Pool.push_back(std::jthread([] {}));
  std::jthread Kept([] {});
  // CHECK: :[[@LINE-1]]:16: warning: blocking call to 'std::jthread::~jthread' (waits for another thread) inside coroutine 'moved_threads' [coro-blocking-call]
  // CHECK: :[[@LINE+4]]:1: note: 'std::jthread::~jthread' is called here
  // CHECK: :[[@LINE-7]]:17: note: coroutine 'moved_threads' declared here
  // CHECK: :[[@LINE-4]]:16: note: use the framework's join or 'when_all' instead
  co_return;
}
