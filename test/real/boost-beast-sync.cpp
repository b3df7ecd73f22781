// Beast's and Boost.Asio's synchronous operations (Boost 1.81): HTTP and
// WebSocket reads, writes and handshakes, a tcp_stream's connect, and a
// Boost.Process v2 wait, rewritten to their awaited twins, with the headers
// of the completion tokens added; Boost.Process v1 has no twin. The fixed
// file compiles.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-*' --fix %t.cpp -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only %t.cpp

#include <boost/asio/awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/process/child.hpp>
#include <boost/process/v2/process.hpp>
// FIXED: {{^}}#include <boost/asio/awaitable.hpp>{{$}}
// FIXED-NEXT: {{^}}#include <boost/asio/use_awaitable.hpp>{{$}}
// FIXED-NEXT: {{^}}#include <boost/asio/redirect_error.hpp>{{$}}

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

net::awaitable<void> serve(beast::tcp_stream &Stream) {
  beast::flat_buffer Buffer;
  http::request<http::string_body> Request;
  http::read(Stream, Buffer, Request);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'boost::beast::http::read' (synchronous network I/O) inside coroutine 'serve' [coro-blocking-call]
  // CHECK: :[[#SERVE:@LINE-5]]:22: note: coroutine 'serve' declared here
  // FIXED: {{^}}  co_await http::async_read(Stream, Buffer, Request, boost::asio::use_awaitable);{{$}}
  http::response<http::string_body> Response;
  beast::error_code Ec;
  std::size_t Sent = http::write(Stream, Response, Ec);
  // CHECK: :[[@LINE-1]]:22: warning: blocking call to 'boost::beast::http::write' (synchronous network I/O) inside coroutine 'serve' [coro-blocking-call]
  // CHECK: :[[#SERVE]]:22: note: coroutine 'serve' declared here
  // FIXED: {{^}}  std::size_t Sent = co_await http::async_write(Stream, Response, boost::asio::redirect_error(boost::asio::use_awaitable, Ec));{{$}}
  (void)Sent;
  co_return;
}

net::awaitable<void> chat(beast::websocket::stream<beast::tcp_stream> &Ws,
                          net::ip::tcp::endpoint Peer) {
  beast::get_lowest_layer(Ws).connect(Peer);
  // CHECK: :[[@LINE-1]]:31: warning: blocking call to 'boost::beast::basic_stream::connect' (synchronous network I/O) inside coroutine 'chat' [coro-blocking-call]
  // CHECK: :[[#CHAT:@LINE-4]]:22: note: coroutine 'chat' declared here
  // FIXED: {{^}}  co_await beast::get_lowest_layer(Ws).async_connect(Peer, boost::asio::use_awaitable);{{$}}
  Ws.handshake("localhost", "/");
  // CHECK: :[[@LINE-1]]:6: warning: blocking call to 'boost::beast::websocket::stream::handshake' (synchronous network I/O) inside coroutine 'chat' [coro-blocking-call]
  // CHECK: :[[#CHAT]]:22: note: coroutine 'chat' declared here
  // FIXED: {{^}}  co_await Ws.async_handshake("localhost", "/", boost::asio::use_awaitable);{{$}}
  beast::flat_buffer Buffer;
  Ws.read(Buffer);
  // CHECK: :[[@LINE-1]]:6: warning: blocking call to 'boost::beast::websocket::stream::read' (synchronous network I/O) inside coroutine 'chat' [coro-blocking-call]
  // CHECK: :[[#CHAT]]:22: note: coroutine 'chat' declared here
  // FIXED: {{^}}  co_await Ws.async_read(Buffer, boost::asio::use_awaitable);{{$}}
  Ws.write(Buffer.data());
  // CHECK: :[[@LINE-1]]:6: warning: blocking call to 'boost::beast::websocket::stream::write' (synchronous network I/O) inside coroutine 'chat' [coro-blocking-call]
  // CHECK: :[[#CHAT]]:22: note: coroutine 'chat' declared here
  // FIXED: {{^}}  co_await Ws.async_write(Buffer.data(), boost::asio::use_awaitable);{{$}}
  Ws.close(beast::websocket::close_code::normal);
  // CHECK: :[[@LINE-1]]:6: warning: blocking call to 'boost::beast::websocket::stream::close' (synchronous network I/O) inside coroutine 'chat' [coro-blocking-call]
  // CHECK: :[[#CHAT]]:22: note: coroutine 'chat' declared here
  // FIXED: {{^}}  co_await Ws.async_close(beast::websocket::close_code::normal, boost::asio::use_awaitable);{{$}}
  co_return;
}

net::awaitable<void> tools(boost::process::child &Old,
                           boost::process::v2::process &New) {
  Old.wait();
  // CHECK: :[[@LINE-1]]:7: warning: blocking call to 'boost::process::child::wait' (waits for a process) inside coroutine 'tools' [coro-blocking-call]
  // CHECK: :[[#TOOLS:@LINE-4]]:22: note: coroutine 'tools' declared here
  // CHECK: :[[@LINE-3]]:7: note: use an asynchronous process API (Boost.Process v2 'async_execute', Seastar 'spawn_process', Qt 'QProcess' with QCoro) instead
  int Status = New.wait();
  // CHECK: :[[@LINE-1]]:20: warning: blocking call to 'boost::process::v2::basic_process::wait' (waits for a process) inside coroutine 'tools' [coro-blocking-call]
  // CHECK: :[[#TOOLS]]:22: note: coroutine 'tools' declared here
  // FIXED: {{^}}  int Status = co_await New.async_wait(boost::asio::use_awaitable);{{$}}
  (void)Status;
  co_return;
}
