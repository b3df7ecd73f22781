// B: plain helpers, no coroutine in this file.
#include "quotes.h"
#include <chrono>
#include <thread>

int fetch_price_now() {
  asio::io_context Io;
  int Price = 0;
  asio::co_spawn(
      Io, [&]() -> asio::awaitable<void> { Price = co_await fetch_price(); },
      asio::detached);
  Io.run();
  return Price;
}

void legacy_pause() { std::this_thread::sleep_for(std::chrono::seconds(1)); }
