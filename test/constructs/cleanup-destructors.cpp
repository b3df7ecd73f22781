// An object whose cleanup the coroutine already did does not block in its
// destructor: the destructor calls again, on `this`, a member the coroutine
// called on it in the block that declares it (libcoro's TLS client, which
// sync_waits its shutdown() unless it was awaited; a server whose destructor
// stop()s it again). An argument a coroutine takes by value is moved into its
// frame: what the caller destroys is moved from. Without the earlier call,
// with it only on one branch, or with a plain function's by-value argument,
// the destructor is reported.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <thread>

#include "coro/coro.hpp"

struct Client {
  bool Closed = false;
  coro::task<> shutdown();
  ~Client() {
    if (!Closed)
      coro::sync_wait(shutdown());
  }
};

struct Server {
  std::thread Worker;
  void stop() {
    if (Worker.joinable())
      Worker.join();
  }
  ~Server() { stop(); }
};

coro::task<> awaited() {
  Client C;
  co_await C.shutdown();
}

coro::task<> stopped() {
  Server S;
  S.stop();
  // CHECK: :[[@LINE-1]]:5: warning: call to 'Server::stop' reaches blocking call to 'std::thread::join' (waits for another thread) inside coroutine 'stopped' [coro-blocking-call]
  // CHECK: :[[@LINE-4]]:14: note: coroutine 'stopped' declared here
  // CHECK: :[[@LINE-15]]:14: note: 'Server::stop' calls 'std::thread::join' here
  // CHECK: :[[@LINE-4]]:5: note: use the framework's join or 'when_all' instead
  co_return;
}

coro::task<> forgotten() {
  Client C;
  // CHECK: :[[@LINE-1]]:10: warning: call to 'Client::~Client' reaches nested run 'coro::sync_wait' inside coroutine 'forgotten' [coro-sync-calls-async]
  // CHECK: :[[@LINE+5]]:1: note: 'Client::~Client' is called here
  // CHECK: :[[@LINE-4]]:14: note: coroutine 'forgotten' declared here
  // CHECK: :[[#SYNC:@LINE-33]]:7: note: 'Client::~Client' calls 'coro::sync_wait' here
  // CHECK: :[[@LINE-5]]:10: note: make 'Client::~Client' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Client::~Client' is a constructor, destructor, operator, lambda or main
  co_return;
}

coro::task<> sometimes(bool Tidy) {
  Client C;
  // CHECK: :[[@LINE-1]]:10: warning: call to 'Client::~Client' reaches nested run 'coro::sync_wait' inside coroutine 'sometimes' [coro-sync-calls-async]
  // CHECK: :[[@LINE+6]]:1: note: 'Client::~Client' is called here
  // CHECK: :[[@LINE-4]]:14: note: coroutine 'sometimes' declared here
  // CHECK: :[[#SYNC]]:7: note: 'Client::~Client' calls 'coro::sync_wait' here
  // CHECK: :[[@LINE-5]]:10: note: make 'Client::~Client' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Client::~Client' is a constructor, destructor, operator, lambda or main
  if (Tidy)
    co_await C.shutdown();
}

coro::task<> serve(Client C);
void log_client(Client C);

coro::task<> hand_over() {
  Client C;
  co_await C.shutdown();
  co_await serve(Client());
  log_client(Client());
  // CHECK: :[[@LINE-1]]:14: warning: call to 'Client::~Client' reaches nested run 'coro::sync_wait' inside coroutine 'hand_over' [coro-sync-calls-async]
  // CHECK: :[[@LINE-2]]:22: note: 'Client::~Client' is called here
  // CHECK: :[[@LINE-7]]:14: note: coroutine 'hand_over' declared here
  // CHECK: :[[#SYNC]]:7: note: 'Client::~Client' calls 'coro::sync_wait' here
  // CHECK: :[[@LINE-5]]:14: note: make 'Client::~Client' a coroutine and 'co_await' it: async all the way up; no fix-it: 'Client::~Client' is a constructor, destructor, operator, lambda or main
}
