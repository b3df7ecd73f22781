// Minimal folly::coro::sleep mock.
#pragma once
#include "Task.h"
#include <chrono>

namespace folly {
using HighResDuration = std::chrono::nanoseconds;
namespace coro {
Task<void> sleep(HighResDuration d);
} // namespace coro
} // namespace folly
