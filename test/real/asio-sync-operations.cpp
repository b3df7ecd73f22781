// Asio's synchronous operations, found by their async twins in Debian's
// libasio-dev: members and free functions, throwing and error_code forms,
// rewritten to the awaited twin where the value keeps its type; a timer's
// wait is a sleep. The awaited forms, work handed to a thread and helpers
// called only from main stay quiet, and the fixed file compiles.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-*' --fix %t.cpp -- -std=c++20 %asio_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only %asio_flags %t.cpp

#include <asio.hpp>
#include <string>
#include <thread>

using asio::ip::tcp;

asio::awaitable<void> echo(tcp::socket Sock) {
  char Data[64];
  std::size_t N = Sock.read_some(asio::buffer(Data));
  // CHECK: :[[@LINE-1]]:24: warning: blocking call to 'asio::basic_stream_socket::read_some' (synchronous network I/O) inside coroutine 'echo' [coro-blocking-call]
  // CHECK: :[[#ECHO:@LINE-4]]:23: note: coroutine 'echo' declared here
  // FIXED: {{^}}  std::size_t N = co_await Sock.async_read_some(asio::buffer(Data), asio::use_awaitable);{{$}}
  asio::write(Sock, asio::buffer(Data, N));
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'asio::write' (synchronous network I/O) inside coroutine 'echo' [coro-blocking-call]
  // CHECK: :[[#ECHO]]:23: note: coroutine 'echo' declared here
  // FIXED: {{^}}  co_await asio::async_write(Sock, asio::buffer(Data, N), asio::use_awaitable);{{$}}
  asio::error_code Ec;
  N += Sock.write_some(asio::buffer(Data, N), Ec);
  // CHECK: :[[@LINE-1]]:13: warning: blocking call to 'asio::basic_stream_socket::write_some' (synchronous network I/O) inside coroutine 'echo' [coro-blocking-call]
  // CHECK: :[[#ECHO]]:23: note: coroutine 'echo' declared here
  // FIXED: {{^}}  N += co_await Sock.async_write_some(asio::buffer(Data, N), asio::redirect_error(asio::use_awaitable, Ec));{{$}}
  asio::streambuf Buf;
  asio::read_until(Sock, Buf, '\n');
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'asio::read_until' (synchronous network I/O) inside coroutine 'echo' [coro-blocking-call]
  // CHECK: :[[#ECHO]]:23: note: coroutine 'echo' declared here
  // FIXED: {{^}}  co_await asio::async_read_until(Sock, Buf, '\n', asio::use_awaitable);{{$}}
  Sock.send(asio::buffer(Data, N), 0, Ec);
  // CHECK: :[[@LINE-1]]:8: warning: blocking call to 'asio::basic_stream_socket::send' (synchronous network I/O) inside coroutine 'echo' [coro-blocking-call]
  // CHECK: :[[#ECHO]]:23: note: coroutine 'echo' declared here
  // FIXED: {{^}}  co_await Sock.async_send(asio::buffer(Data, N), 0, asio::redirect_error(asio::use_awaitable, Ec));{{$}}
  // The awaited twins are what the fix-its write: quiet.
  N = co_await Sock.async_read_some(asio::buffer(Data), asio::use_awaitable);
  co_await asio::async_write(Sock, asio::buffer(Data, N), asio::use_awaitable);
  co_return;
}

asio::awaitable<void> client(tcp::socket &Sock, tcp::resolver &Resolver,
                             tcp::acceptor &Acceptor) {
  auto Endpoints = Resolver.resolve("localhost", "80");
  // CHECK: :[[@LINE-1]]:29: warning: blocking call to 'asio::ip::basic_resolver::resolve' (synchronous name resolution) inside coroutine 'client' [coro-blocking-call]
  // CHECK: :[[#CLIENT:@LINE-4]]:23: note: coroutine 'client' declared here
  // FIXED: {{^}}  auto Endpoints = co_await Resolver.async_resolve("localhost", "80", asio::use_awaitable);{{$}}
  asio::connect(Sock, Endpoints);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'asio::connect' (synchronous network I/O) inside coroutine 'client' [coro-blocking-call]
  // CHECK: :[[#CLIENT]]:23: note: coroutine 'client' declared here
  // FIXED: {{^}}  co_await asio::async_connect(Sock, Endpoints, asio::use_awaitable);{{$}}
  asio::error_code Ec;
  // connect(ep, ec) returns the error_code; awaited, the twin gives
  // nothing: a used value gets no fix-it, only the twin's name.
  if (Sock.connect(*Endpoints.begin(), Ec))
    co_return;
  // CHECK: :[[@LINE-2]]:12: warning: blocking call to 'asio::basic_stream_socket::connect' (synchronous network I/O) inside coroutine 'client' [coro-blocking-call]
  // CHECK: :[[#CLIENT]]:23: note: coroutine 'client' declared here
  // CHECK: :[[@LINE-4]]:12: note: use 'async_connect' with 'asio::use_awaitable' instead
  Acceptor.accept(Sock);
  // CHECK: :[[@LINE-1]]:12: warning: blocking call to 'asio::basic_socket_acceptor::accept' (synchronous network I/O) inside coroutine 'client' [coro-blocking-call]
  // CHECK: :[[#CLIENT]]:23: note: coroutine 'client' declared here
  // FIXED: {{^}}  co_await Acceptor.async_accept(Sock, asio::use_awaitable);{{$}}
  // The moving accept's twin completes with the socket rebound to the
  // acceptor's executor: the call's own type, so its value is kept.
  tcp::socket Peer = Acceptor.accept();
  // CHECK: :[[@LINE-1]]:31: warning: blocking call to 'asio::basic_socket_acceptor::accept' (synchronous network I/O) inside coroutine 'client' [coro-blocking-call]
  // CHECK: :[[#CLIENT]]:23: note: coroutine 'client' declared here
  // FIXED: {{^}}  tcp::socket Peer = co_await Acceptor.async_accept(asio::use_awaitable);{{$}}
  auto Other = Acceptor.accept(Ec);
  // CHECK: :[[@LINE-1]]:25: warning: blocking call to 'asio::basic_socket_acceptor::accept' (synchronous network I/O) inside coroutine 'client' [coro-blocking-call]
  // CHECK: :[[#CLIENT]]:23: note: coroutine 'client' declared here
  // FIXED: {{^}}  auto Other = co_await Acceptor.async_accept(asio::redirect_error(asio::use_awaitable, Ec));{{$}}
  co_return;
}

// An acceptor of another executor type: its twin's socket is not the one
// accept returns, so a kept value gets no fix-it.
using LoopAcceptor =
    asio::basic_socket_acceptor<tcp, asio::io_context::executor_type>;
asio::awaitable<void> loop_acceptor(LoopAcceptor &Acceptor) {
  tcp::socket Peer = Acceptor.accept();
  // CHECK: :[[@LINE-1]]:31: warning: blocking call to 'asio::basic_socket_acceptor::accept' (synchronous network I/O) inside coroutine 'loop_acceptor' [coro-blocking-call]
  // CHECK: :[[@LINE-3]]:23: note: coroutine 'loop_acceptor' declared here
  // CHECK: :[[@LINE-3]]:31: note: use 'async_accept' with 'asio::use_awaitable' instead
  co_return;
}

// A timer's synchronous wait is a sleep; the awaited wait is its fix.
asio::awaitable<void> tick(asio::steady_timer &Timer) {
  Timer.expires_after(std::chrono::seconds(1));
  Timer.wait();
  // CHECK: :[[@LINE-1]]:9: warning: blocking sleep 'asio::basic_waitable_timer::wait' inside coroutine 'tick' [coro-blocking-sleep]
  // CHECK: :[[@LINE-4]]:23: note: coroutine 'tick' declared here
  // FIXED: {{^}}  co_await Timer.async_wait(asio::use_awaitable);{{$}}
  co_return;
}

// A stream descriptor reads a pipe or a device: descriptor I/O.
asio::awaitable<void> device(asio::posix::stream_descriptor &In) {
  char Byte;
  In.read_some(asio::buffer(&Byte, 1));
  // CHECK: :[[@LINE-1]]:6: warning: blocking call to 'asio::posix::basic_stream_descriptor::read_some' (synchronous descriptor I/O) inside coroutine 'device' [coro-blocking-call]
  // CHECK: :[[@LINE-4]]:23: note: coroutine 'device' declared here
  // FIXED: {{^}}  co_await In.async_read_some(asio::buffer(&Byte, 1), asio::use_awaitable);{{$}}
  co_return;
}

// Through a plain helper the chain is reported; the helper's call cannot
// be awaited there.
std::size_t fill(tcp::socket &Sock, char *To) {
  return asio::read(Sock, asio::buffer(To, 16));
}

asio::awaitable<void> framed(tcp::socket Sock) {
  char Frame[16];
  fill(Sock, Frame);
  // CHECK: :[[@LINE-1]]:3: warning: call to 'fill' reaches blocking call to 'asio::read' (synchronous network I/O) inside coroutine 'framed' [coro-blocking-call]
  // CHECK: :[[@LINE-4]]:23: note: coroutine 'framed' declared here
  // CHECK: :[[@LINE-8]]:10: note: 'fill' calls 'asio::read' here
  // CHECK: :[[@LINE-4]]:3: note: use 'async_read' with 'asio::use_awaitable' instead
  co_return;
}

// Synchronous I/O on a thread of its own, and in main: quiet.
asio::awaitable<void> offloaded(tcp::socket &Sock) {
  std::thread([&Sock] {
    char Data[4];
    Sock.read_some(asio::buffer(Data));
  }).detach();
  co_return;
}

int main() {
  asio::io_context Io;
  tcp::socket Sock(Io);
  char Data[16];
  fill(Sock, Data);
}
