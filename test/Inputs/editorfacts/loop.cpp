// A: the coroutine, which calls B in another file.
#include "prices.h"

cppcoro::task<void> quote_loop() {
  for (int I = 0; I < 3; ++I) {
    int Price = price_now();
    (void)Price;
  }
  co_return;
}
