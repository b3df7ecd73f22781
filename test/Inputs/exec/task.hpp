// Minimal exec::task mock: as in stdexec, exec::task is an alias template.
#pragma once
#include "../stdexec/execution.hpp"

namespace exec {
namespace __task {
MOCK_TASK(basic_task)
} // namespace __task
template <typename T = void> using task = __task::basic_task<T>;
} // namespace exec
