#include <chrono>
#include <thread>

#include "cppcoro/task.hpp"

cppcoro::task<void> nap_for(std::chrono::seconds);

cppcoro::task<void> nap() {
  std::this_thread::sleep_for(std::chrono::seconds(1));
  co_return;
}
