// C: a coroutine that awaits its timer. Nothing to report here.
#include "quotes.h"
#include <chrono>

asio::awaitable<int> fetch_price() {
  asio::steady_timer Timer(co_await asio::this_coro::executor,
                           std::chrono::milliseconds(50));
  co_await Timer.async_wait(asio::use_awaitable);
  co_return 42;
}
