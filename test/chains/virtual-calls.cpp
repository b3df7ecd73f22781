// A virtual call may run the function's own body or any override defined in
// the program: it is reported when one of them blocks, with a note naming
// that override. A call whose target is known (a qualified name, an object
// that is not a reference or pointer, a final class) runs that one body.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs -I %source_dir/include \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <unistd.h>

#include "corolint/annotations.h"
#include "cppcoro/task.hpp"

cppcoro::task<int> child();

// An interface: one of its implementations runs a coroutine to completion.
struct Store {
  virtual ~Store() = default;
  virtual int load() = 0;
};
struct CacheStore : Store {
  int load() override { return 1; }
};
struct SqlStore : Store {
  int load() override { return cppcoro::sync_wait(child()); }
};

// The base's own body blocks; an override does not.
struct Poller {
  virtual ~Poller() = default;
  virtual void poll() { usleep(10); }
};
struct Quiet : Poller {
  void poll() override {}
};

// An override two levels down, reached from either base.
struct Sink {
  virtual ~Sink() = default;
  virtual void write(int) {}
};
struct Buffered : Sink {
  void write(int) override {}
};
struct Slow : Buffered {
  void write(int V) override { sleep(V); }
};

// Only an override blocks: calls that cannot run it are not reported.
struct Clock {
  virtual ~Clock() = default;
  virtual int now() { return 0; }
};
struct SleepyClock : Clock {
  int now() override {
    sleep(1);
    return 1;
  }
};

// Its authors vouch for the whole family.
struct Vouched {
  virtual ~Vouched() = default;
  COROLINT_NONBLOCKING virtual void go() {}
};
struct SleepyVouched : Vouched {
  void go() override { sleep(1); }
};
// And for one override's body.
struct Meter {
  virtual ~Meter() = default;
  virtual void tick() {}
};
struct VouchedMeter : Meter {
  COROLINT_NONBLOCKING void tick() override { sleep(1); }
};

// An override that is a coroutine: calling it does not run its body, which
// is reported where it is.
struct Job {
  virtual ~Job() = default;
  virtual cppcoro::task<int> run() = 0;
};
struct SlowJob : Job {
  cppcoro::task<int> run() override {
    sleep(1);
    // CHECK: :[[@LINE-1]]:5: warning: blocking sleep 'sleep' inside coroutine 'SlowJob::run' [coro-blocking-sleep]
    // CHECK: :[[@LINE-3]]:22: note: coroutine 'SlowJob::run' declared here
    // CHECK: :[[@LINE-3]]:5: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
    co_return 1;
  }
};

int through_helper(Store &S) { return S.load(); }

cppcoro::task<int> handler(Store &S, Poller &P, Sink &K, Buffered &B, Clock C,
                           SleepyClock &SC, Vouched &V, Job &J, Meter &M) {
  int A = S.load();
  // CHECK: :[[@LINE-1]]:13: warning: call to 'Store::load' reaches nested run 'cppcoro::sync_wait' inside coroutine 'handler' [coro-sync-calls-async]
  // CHECK: :[[#HANDLER:@LINE-4]]:20: note: coroutine 'handler' declared here
  // CHECK: :[[@LINE-76]]:7: note: the virtual call of 'Store::load' may run its override 'SqlStore::load', defined here
  // CHECK: :[[@LINE-77]]:32: note: 'SqlStore::load' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-5]]:13: note: make 'Store::load' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Store::load' is virtual
  P.poll();
  // CHECK: :[[@LINE-1]]:5: warning: call to 'Poller::poll' reaches blocking sleep 'usleep' inside coroutine 'handler' [coro-blocking-sleep]
  // CHECK: :[[#HANDLER]]:20: note: coroutine 'handler' declared here
  // CHECK: :[[@LINE-76]]:25: note: 'Poller::poll' calls 'usleep' here
  // CHECK: :[[@LINE-4]]:5: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  K.write(1);
  // CHECK: :[[@LINE-1]]:5: warning: call to 'Sink::write' reaches blocking sleep 'sleep' inside coroutine 'handler' [coro-blocking-sleep]
  // CHECK: :[[#HANDLER]]:20: note: coroutine 'handler' declared here
  // CHECK: :[[@LINE-66]]:8: note: the virtual call of 'Sink::write' may run its override 'Slow::write', defined here
  // CHECK: :[[@LINE-67]]:32: note: 'Slow::write' calls 'sleep' here
  // CHECK: :[[@LINE-5]]:5: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  B.write(2);
  // CHECK: :[[@LINE-1]]:5: warning: call to 'Buffered::write' reaches blocking sleep 'sleep' inside coroutine 'handler' [coro-blocking-sleep]
  // CHECK: :[[#HANDLER]]:20: note: coroutine 'handler' declared here
  // CHECK: :[[@LINE-72]]:8: note: the virtual call of 'Buffered::write' may run its override 'Slow::write', defined here
  // CHECK: :[[@LINE-73]]:32: note: 'Slow::write' calls 'sleep' here
  // CHECK: :[[@LINE-5]]:5: note: cppcoro coroutines await 'io_service.schedule_after(d)' on a 'cppcoro::io_service' instead
  A += C.now();
  A += SC.Clock::now();
  V.go();
  M.tick();
  A += co_await J.run();
  A += through_helper(S);
  // CHECK: :[[@LINE-1]]:8: warning: call to 'through_helper' reaches nested run 'cppcoro::sync_wait' inside coroutine 'handler' [coro-sync-calls-async]
  // CHECK: :[[#HANDLER]]:20: note: coroutine 'handler' declared here
  // CHECK: :[[@LINE-35]]:41: note: 'through_helper' calls 'Store::load' here
  // CHECK: :[[@LINE-105]]:7: note: the virtual call of 'Store::load' may run its override 'SqlStore::load', defined here
  // CHECK: :[[@LINE-106]]:32: note: 'SqlStore::load' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-6]]:8: note: make 'through_helper' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Store::load' is virtual (the rewrite would change it too)
  co_return A;
}

// Type erasure: a job that holds any callable. Its overrides are a class
// template's instances, one per callable in the program (here one that
// sleeps): a call through the base is not followed into them.
struct Work {
  virtual ~Work() = default;
  virtual void run() = 0;
};
template <typename F> struct FuncWork : Work {
  F Fn;
  explicit FuncWork(F Fn) : Fn(Fn) {}
  void run() override { Fn(); }
};
void run_sleeper() {
  FuncWork W([] { sleep(1); });
  W.run();
}

cppcoro::task<int> erased(Work &W) {
  W.run();
  co_return 0;
}
