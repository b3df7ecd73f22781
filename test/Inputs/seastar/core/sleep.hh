// Minimal seastar::sleep mock.
#pragma once
#include "future.hh"
#include <chrono>

namespace seastar {
template <typename Rep, typename Period>
future<> sleep(std::chrono::duration<Rep, Period> dur);
} // namespace seastar
