#include "fills.h"
#include <chrono>
#include <thread>

cppcoro::task<int> twap() {
  int Fill = fetch_fill();
  nap();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  co_return Fill;
}
