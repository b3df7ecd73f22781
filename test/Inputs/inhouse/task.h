// An in-house task type corolint knows nothing about, with its own timer.
#pragma once
#include "../mock_support.h"
#include <chrono>

namespace acme {
MOCK_TASK(Job)
Job<void> delay(std::chrono::nanoseconds d);
} // namespace acme
