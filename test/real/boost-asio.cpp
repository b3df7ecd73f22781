// Boost.Asio from Debian's libboost1.81-dev: the same rewrites under
// boost::asio, and the fixed file compiles.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-*' --fix %t.cpp -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only %t.cpp

#include <boost/asio.hpp>
#include <netdb.h>
#include <thread>
#include <unistd.h>

namespace net = boost::asio;
using namespace std::chrono_literals;

net::awaitable<void> heartbeat(net::io_context &Io) {
  for (;;) {
    std::this_thread::sleep_for(1s);
    // CHECK: :[[@LINE-1]]:5: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'heartbeat' [coro-blocking-sleep]
    // CHECK: :[[#HEARTBEAT:@LINE-4]]:22: note: coroutine 'heartbeat' declared here
    // FIXED: {{^}}    co_await boost::asio::steady_timer(co_await boost::asio::this_coro::executor, 1s).async_wait(boost::asio::use_awaitable);{{$}}
    Io.run_one();
    // CHECK: :[[@LINE-1]]:8: warning: nested run 'boost::asio::io_context::run_one' inside coroutine 'heartbeat' [coro-nested-run]
    // CHECK: :[[#HEARTBEAT]]:22: note: coroutine 'heartbeat' declared here
    // CHECK: :[[@LINE-3]]:8: note: do not run the event loop from a coroutine: it already runs on one; await the work instead
    std::future<int> F = std::async(std::launch::async, [] { return 1; });
    F.get();
    // CHECK: :[[@LINE-1]]:7: warning: blocking call to 'std::future::get' (waits for another thread) inside coroutine 'heartbeat' [coro-blocking-call]
    // CHECK: :[[#HEARTBEAT]]:22: note: coroutine 'heartbeat' declared here
    // CHECK: :[[@LINE-3]]:7: note: use 'co_await' on the framework's own future or task instead
    addrinfo *Res = nullptr;
    getaddrinfo("localhost", "80", nullptr, &Res);
    // CHECK: :[[@LINE-1]]:5: warning: blocking call to 'getaddrinfo' (synchronous name resolution) inside coroutine 'heartbeat' [coro-blocking-call]
    // CHECK: :[[#HEARTBEAT]]:22: note: coroutine 'heartbeat' declared here
    // CHECK: :[[@LINE-3]]:5: note: use 'boost::asio::ip::tcp::resolver::async_resolve' instead
    co_await net::post(Io, net::use_awaitable);
  }
}

// The moving accept's twin completes with the accept's own socket type.
net::awaitable<void> listen(net::ip::tcp::acceptor &Acceptor) {
  net::ip::tcp::socket Peer = Acceptor.accept();
  // CHECK: :[[@LINE-1]]:40: warning: blocking call to 'boost::asio::basic_socket_acceptor::accept' (synchronous network I/O) inside coroutine 'listen' [coro-blocking-call]
  // CHECK: :[[@LINE-3]]:22: note: coroutine 'listen' declared here
  // FIXED: {{^}}  net::ip::tcp::socket Peer = co_await Acceptor.async_accept(boost::asio::use_awaitable);{{$}}
  co_return;
}

int main() {
  net::io_context Io;
  net::co_spawn(Io, heartbeat(Io), net::detached);
  Io.run();
}
