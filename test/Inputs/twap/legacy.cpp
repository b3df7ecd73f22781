#include "fills.h"
#include <chrono>
#include <thread>

cppcoro::task<int> fill_async() { co_return 1; }

int fetch_fill() { return cppcoro::sync_wait(fill_async()); }

void nap() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }
