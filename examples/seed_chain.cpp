// The seed example, in C++ with Asio: coroutine A sleeps and calls plain
// function B; B runs coroutine C to completion on a second event loop; C
// sleeps. Every one of these stalls the thread that runs A.
#include <asio.hpp>
#include <chrono>
#include <thread>

using namespace std::chrono_literals;

// C: a coroutine that blocks its thread instead of awaiting a timer.
asio::awaitable<int> fetch_price() {
  std::this_thread::sleep_for(50ms);
  co_return 42;
}

// B: a plain helper that runs coroutine C to completion.
int fetch_price_now() {
  asio::io_context Io;
  int Price = 0;
  asio::co_spawn(
      Io, [&]() -> asio::awaitable<void> { Price = co_await fetch_price(); },
      asio::detached);
  Io.run();
  return Price;
}

// A: the coroutine the event loop runs.
asio::awaitable<void> quote_loop() {
  for (int I = 0; I < 3; ++I) {
    std::this_thread::sleep_for(1s);
    int Price = fetch_price_now();
    (void)Price;
  }
  co_return;
}

int main() {
  asio::io_context Io;
  asio::co_spawn(Io, quote_loop(), asio::detached);
  Io.run();
}
