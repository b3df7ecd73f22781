// The seed example split across three files, as it would be in a real
// service: clang-tidy, one file at a time, sees only the sleep; corolint,
// with the whole compile database, also sees the chain from loop.cpp into
// legacy.cpp.
#pragma once
#include <asio.hpp>

asio::awaitable<int> fetch_price(); // C, in price.cpp
int fetch_price_now();              // B, in legacy.cpp
