// A: the coroutine the service's event loop runs.
#include "quotes.h"

asio::awaitable<void> quote_loop() {
  for (int I = 0; I < 3; ++I) {
    int Price = fetch_price_now();
    (void)Price;
  }
  co_return;
}
