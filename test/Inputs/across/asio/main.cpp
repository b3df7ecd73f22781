#include "helpers.h"
#include <cstdio>

using asio::local::stream_protocol;

asio::awaitable<void> client(stream_protocol::socket Sock) {
  backoff(2);
  char Data[16];
  std::size_t N = read_reply(Sock, Data);
  std::printf("got %.*s\n", static_cast<int>(N), Data);
  co_return;
}

int main() {
  asio::io_context Io;
  stream_protocol::socket A(Io), B(Io);
  asio::local::connect_pair(A, B);
  asio::write(B, asio::buffer("hello", 5));
  asio::co_spawn(Io, client(std::move(A)), asio::detached);
  Io.run();
  std::printf("done\n");
}
