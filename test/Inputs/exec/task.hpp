// Minimal exec::task mock.
#pragma once
#include "../stdexec/execution.hpp"

namespace exec {
MOCK_TASK(task)
} // namespace exec
