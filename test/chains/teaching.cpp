// Teaching corolint about a codebase: annotations, function-list options,
// offloading functions and blocking-pool awaitables; and what is never
// followed (lambdas handed to threads, function pointers).
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs -I %source_dir/include \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: %clang_tidy --checks='-*,coro-*' \
// RUN:   --config="{CheckOptions: {NonBlockingFunctions: 'audit::flush', BlockingFunctions: 'vendor::fetch', OffloadFunctions: 'pool::submit', BlockingPoolAwaitables: 'pool::resume_on_blocking_pool'}}" \
// RUN:   %s -- -std=c++20 -I %inputs -I %source_dir/include \
// RUN:   | FileCheck --check-prefix=OPTS %s --implicit-check-not='{{warning|note|error}}:'

#include <functional>
#include <thread>
#include <unistd.h>

#include "corolint/annotations.h"
#include "cppcoro/task.hpp"

cppcoro::task<int> child();

// A library function without a body, known to block.
COROLINT_BLOCKING int legacy_query(int Id);
int lookup(int Id) { return legacy_query(Id); }

// Its authors vouch for it: what it calls is not followed.
COROLINT_NONBLOCKING inline void warm_cache() { cppcoro::sync_wait(child()); }

namespace audit {
inline void flush() { sleep(1); }
} // namespace audit
namespace vendor {
int fetch(int Id);
} // namespace vendor
namespace pool {
// Looks synchronous to corolint, but runs F on a pool.
template <typename F> void submit(F &&Fn) { Fn(); }
struct blocking_pool_awaitable {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
inline blocking_pool_awaitable resume_on_blocking_pool() { return {}; }
} // namespace pool

struct Store {
  virtual ~Store() = default;
  virtual int load() { return cppcoro::sync_wait(child()); }
};
struct FinalStore final : Store {
  int load() override { return cppcoro::sync_wait(child()); }
};

cppcoro::task<int> annotated(FinalStore &F, Store &S) {
  int A = lookup(1);
  // CHECK: :[[@LINE-1]]:11: warning: call to 'lookup' reaches blocking call to 'legacy_query' inside coroutine 'annotated' [coro-blocking-call]
  // CHECK: :[[#ANNOTATED:@LINE-3]]:20: note: coroutine 'annotated' declared here
  // CHECK: :[[@LINE-34]]:29: note: 'lookup' calls 'legacy_query' here
  // OPTS: :[[@LINE-4]]:11: warning: call to 'lookup' reaches blocking call to 'legacy_query' inside coroutine 'annotated' [coro-blocking-call]
  // OPTS: :[[#OANNOTATED:@LINE-6]]:20: note: coroutine 'annotated' declared here
  // OPTS: :[[@LINE-37]]:29: note: 'lookup' calls 'legacy_query' here
  A += legacy_query(2);
  // CHECK: :[[@LINE-1]]:8: warning: blocking call to 'legacy_query' inside coroutine 'annotated' [coro-blocking-call]
  // CHECK: :[[#ANNOTATED]]:20: note: coroutine 'annotated' declared here
  // OPTS: :[[@LINE-3]]:8: warning: blocking call to 'legacy_query' inside coroutine 'annotated' [coro-blocking-call]
  // OPTS: :[[#OANNOTATED]]:20: note: coroutine 'annotated' declared here
  warm_cache();
  // A call of a final class's function runs that function only.
  A += F.load();
  // CHECK: :[[@LINE-1]]:10: warning: call to 'FinalStore::load' reaches nested run 'cppcoro::sync_wait' inside coroutine 'annotated' [coro-sync-calls-async]
  // CHECK: :[[#ANNOTATED]]:20: note: coroutine 'annotated' declared here
  // CHECK: :[[@LINE-21]]:32: note: 'FinalStore::load' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:10: note: make 'FinalStore::load' a coroutine and 'co_await' it: async all the way up; no fix-it: 'FinalStore::load' is virtual
  // OPTS: :[[@LINE-5]]:10: warning: call to 'FinalStore::load' reaches nested run 'cppcoro::sync_wait' inside coroutine 'annotated' [coro-sync-calls-async]
  // OPTS: :[[#OANNOTATED]]:20: note: coroutine 'annotated' declared here
  // OPTS: :[[@LINE-25]]:32: note: 'FinalStore::load' calls 'cppcoro::sync_wait' here
  // OPTS: :[[@LINE-8]]:10: note: make 'FinalStore::load' a coroutine and 'co_await' it: async all the way up; no fix-it: 'FinalStore::load' is virtual
  // A virtual call may run the function's own body, which blocks here.
  A += S.load();
  // CHECK: :[[@LINE-1]]:10: warning: call to 'Store::load' reaches nested run 'cppcoro::sync_wait' inside coroutine 'annotated' [coro-sync-calls-async]
  // CHECK: :[[#ANNOTATED]]:20: note: coroutine 'annotated' declared here
  // CHECK: :[[@LINE-34]]:31: note: 'Store::load' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:10: note: make 'Store::load' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Store::load' is virtual
  // OPTS: :[[@LINE-5]]:10: warning: call to 'Store::load' reaches nested run 'cppcoro::sync_wait' inside coroutine 'annotated' [coro-sync-calls-async]
  // OPTS: :[[#OANNOTATED]]:20: note: coroutine 'annotated' declared here
  // OPTS: :[[@LINE-38]]:31: note: 'Store::load' calls 'cppcoro::sync_wait' here
  // OPTS: :[[@LINE-8]]:10: note: make 'Store::load' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Store::load' is virtual
  co_return A;
}

cppcoro::task<int> options(int Id) {
  audit::flush();
  // CHECK: :[[@LINE-1]]:3: warning: call to 'audit::flush' reaches blocking sleep 'sleep' inside coroutine 'options' [coro-blocking-sleep]
  // CHECK: :[[#OPTIONS:@LINE-3]]:20: note: coroutine 'options' declared here
  // CHECK: :[[@LINE-65]]:23: note: 'audit::flush' calls 'sleep' here
  // CHECK: :[[@LINE-4]]:3: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  int V = vendor::fetch(Id);
  // OPTS: :[[@LINE-1]]:11: warning: blocking call to 'vendor::fetch' inside coroutine 'options' [coro-blocking-call]
  // OPTS: :[[@LINE-8]]:20: note: coroutine 'options' declared here
  // Without OffloadFunctions, submit looks synchronous and is followed into
  // the lambda it calls; a function reference it calls is not followed.
  pool::submit([] { sleep(1); });
  // CHECK: :[[@LINE-1]]:3: warning: call to 'pool::submit' reaches blocking sleep 'sleep' inside coroutine 'options' [coro-blocking-sleep]
  // CHECK: :[[#OPTIONS]]:20: note: coroutine 'options' declared here
  // CHECK: :[[@LINE-68]]:45: note: 'pool::submit' calls 'lambda' here
  // CHECK: :[[@LINE-4]]:21: note: 'lambda' calls 'sleep' here
  // CHECK: :[[@LINE-5]]:3: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  pool::submit(audit::flush);
  {
    co_await pool::resume_on_blocking_pool();
    sleep(1);
    // CHECK: :[[@LINE-1]]:5: warning: blocking sleep 'sleep' inside coroutine 'options' [coro-blocking-sleep]
    // CHECK: :[[#OPTIONS]]:20: note: coroutine 'options' declared here
    // CHECK: :[[@LINE-3]]:5: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  }
  sleep(2);
  // CHECK: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'options' [coro-blocking-sleep]
  // CHECK: :[[#OPTIONS]]:20: note: coroutine 'options' declared here
  // CHECK: :[[@LINE-3]]:3: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  // OPTS: :[[@LINE-4]]:3: warning: blocking sleep 'sleep' inside coroutine 'options' [coro-blocking-sleep]
  // OPTS: :[[@LINE-30]]:20: note: coroutine 'options' declared here
  // OPTS: :[[@LINE-6]]:3: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  co_return V;
}

// Never followed: a lambda handed to a thread, a function pointer, a
// std::function.
void spawn_sleeper() {
  std::thread T([] { sleep(1); });
  T.detach();
}
cppcoro::task<> not_followed(void (*Fp)(), std::function<void()> Fn) {
  spawn_sleeper();
  Fp();
  Fn();
  co_return;
}
