#include "feed.h"

folly::coro::Task<void> tick() {
  std::this_thread::sleep_for(5ms);
  co_await header_tick();
}
