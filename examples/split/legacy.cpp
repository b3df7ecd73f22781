// B: a plain helper that runs coroutine C to completion on an event loop of
// its own.
#include "quotes.h"

int fetch_price_now() {
  asio::io_context Io;
  int Price = 0;
  asio::co_spawn(
      Io, [&]() -> asio::awaitable<void> { Price = co_await fetch_price(); },
      asio::detached);
  Io.run();
  return Price;
}
