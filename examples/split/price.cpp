// C: a coroutine that blocks its thread instead of awaiting a timer.
#include "quotes.h"
#include <chrono>
#include <thread>

asio::awaitable<int> fetch_price() {
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  co_return 42;
}
