// The in-house task type's timer.
#pragma once
#include "task.h"
#include <chrono>

namespace acme {
Job<void> delay(std::chrono::nanoseconds d);
} // namespace acme
