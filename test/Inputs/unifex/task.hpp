// Minimal libunifex mock.
#pragma once
#include "../mock_support.h"
#include <optional>

namespace unifex {
MOCK_TASK(task)
MOCK_TASK(nothrow_task)
template <typename Sender> std::optional<int> sync_wait(Sender &&) { return {}; }
} // namespace unifex
