#pragma once
#include <cppcoro/task.hpp>

inline cppcoro::task<int> compute(int X) { co_return X * 2; }
