// A project whose every finding has a fix: folly coroutines that sleep, and
// a helper that blocks on a coroutine.
#pragma once
#include <chrono>
#include <folly/coro/Sleep.h>
#include <folly/coro/Task.h>
#include <thread>

using namespace std::chrono_literals;

folly::coro::Task<int> feed_async();

// In a header that both files include: the same fix comes from each.
inline folly::coro::Task<void> header_tick() {
  std::this_thread::sleep_for(1ms);
  co_return;
}
