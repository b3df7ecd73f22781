#include "feed.h"

folly::coro::Task<int> feed_async() { co_return 1; }

int feed_now() { return folly::coro::blockingWait(feed_async()); }

folly::coro::Task<int> consume() {
  std::this_thread::sleep_for(10ms);
  int V = feed_now();
  co_return V;
}
