// A client whose coroutine waits through plain helpers: a sleep two calls
// down, and a synchronous read on a socket. (test/chains/async-up-run.test)
#include <asio.hpp>
#include <chrono>
#include <cstdio>
#include <thread>

using asio::local::stream_protocol;

void pause_a_little(int Ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(Ms));
}
void backoff(int Attempt) { pause_a_little(Attempt); }

std::size_t read_reply(stream_protocol::socket &Sock, char *Data) {
  return Sock.read_some(asio::buffer(Data, 16));
}

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
