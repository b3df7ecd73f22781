// A sleep only some builds compile: -DSLOW from --extra-arg or
// --extra-arg-before turns it on.
#include <chrono>
#include <thread>

#include "cppcoro/task.hpp"

cppcoro::task<void> tick() {
#ifdef SLOW
  std::this_thread::sleep_for(std::chrono::seconds(1));
#endif
  co_return;
}
