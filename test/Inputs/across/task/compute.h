#pragma once
#include <cppcoro/task.hpp>

cppcoro::task<int> compute(int X);
