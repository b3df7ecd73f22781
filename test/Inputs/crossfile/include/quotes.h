// The seed's chain split across files: quote_loop (loop.cpp) calls
// fetch_price_now (legacy.cpp), which runs fetch_price (price.cpp) to
// completion on an event loop of its own.
#pragma once
#include <asio.hpp>

asio::awaitable<int> fetch_price();
int fetch_price_now();

// Two files away from the sleep: refresh_cache (cache.cpp) calls
// legacy_pause (legacy.cpp).
void refresh_cache();
void legacy_pause();

// Defined here and included by two files: its finding is reported once.
inline void header_helper() { fetch_price_now(); }

// A coroutine in the header: its finding shows with --header-filter, once,
// though every file includes it.
inline asio::awaitable<void> header_coro() {
  refresh_cache();
  co_return;
}
