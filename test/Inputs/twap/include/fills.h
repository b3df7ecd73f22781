// The example: a coroutine in twap.cpp calls fetch_fill(), defined
// in legacy.cpp, which sync_waits on a coroutine.
#pragma once
#include <cppcoro/task.hpp>

cppcoro::task<int> fill_async();
int fetch_fill();
void nap();
