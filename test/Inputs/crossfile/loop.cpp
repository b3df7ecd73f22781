// A: the coroutine the event loop runs.
#include "quotes.h"

asio::awaitable<void> quote_loop() {
  for (int I = 0; I < 3; ++I) {
    int Price = fetch_price_now();
    (void)Price;
    refresh_cache();
    header_helper();
    fetch_price_now(); // NOLINT(coro-sync-calls-async)
  }
  co_return;
}
