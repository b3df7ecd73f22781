// An async twin alone does not make a call blocking (issue 21, item 1). A
// class the tables do not know as an I/O object may pair a synchronous
// operation that never waits (an id from a pool in memory) with an async
// form that only hops onto its strand: quiet. One whose operation does wait
// (a wrapper reading its socket) is reported through its body, which
// reaches a socket the tables know.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 %asio_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
#include <asio.hpp>
#include <vector>

using asio::ip::tcp;

class IdPool {
public:
  explicit IdPool(asio::any_io_executor Ex) : Strand(Ex) {}
  int acquire_id() {
    int Id = Free.back();
    Free.pop_back();
    return Id;
  }
  template <class Token> auto async_acquire_id(Token &&T) {
    return asio::async_compose<Token, void(int)>(
        [this](auto &Self) {
          asio::post(Strand, [this, Self = std::move(Self)]() mutable {
            Self.complete(acquire_id());
          });
        },
        T, Strand);
  }

private:
  asio::strand<asio::any_io_executor> Strand;
  std::vector<int> Free{1, 2, 3};
};

class Connection {
public:
  explicit Connection(tcp::socket S) : Sock(std::move(S)) {}
  std::size_t read_some(asio::mutable_buffer B) { return Sock.read_some(B); }
  template <class Token>
  auto async_read_some(asio::mutable_buffer B, Token &&T) {
    return Sock.async_read_some(B, std::forward<Token>(T));
  }

private:
  tcp::socket Sock;
};

asio::awaitable<int> serve(IdPool &Pool, Connection &Conn) {
  int Id = Pool.acquire_id();
  char Data[16];
  std::size_t N = Conn.read_some(asio::buffer(Data));
  // CHECK: :[[@LINE-1]]:24: warning: call to 'Connection::read_some' reaches blocking call to 'asio::basic_stream_socket::read_some' (synchronous network I/O) inside coroutine 'serve' [coro-blocking-call]
  // CHECK: :[[@LINE-5]]:22: note: coroutine 'serve' declared here
  // CHECK: :[[#@LINE-16]]:63: note: 'Connection::read_some' calls 'asio::basic_stream_socket::read_some' here
  // CHECK: :[[@LINE-4]]:24: note: make 'Connection::read_some' a coroutine and 'co_await' it: async all the way up
  co_return Id + static_cast<int>(N);
}
