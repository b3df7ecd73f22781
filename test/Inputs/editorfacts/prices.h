#pragma once
#include "cppcoro/task.hpp"

cppcoro::task<int> fetch_price();
int price_now();
