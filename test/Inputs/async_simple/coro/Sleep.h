// Minimal async_simple::coro::sleep mock.
#pragma once
#include "Lazy.h"
#include <chrono>

namespace async_simple {
namespace coro {
template <typename Rep, typename Period>
Lazy<void> sleep(std::chrono::duration<Rep, Period> dur);
} // namespace coro
} // namespace async_simple
