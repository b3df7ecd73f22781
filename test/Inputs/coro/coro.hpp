// Minimal libcoro mock.
#pragma once
#include "../mock_support.h"
#include <chrono>

namespace coro {
MOCK_TASK(task)

template <typename Awaitable> auto sync_wait(Awaitable &&a) {
  return typename std::remove_cvref_t<Awaitable>::value_type();
}

enum class poll_op { read, write, read_write };
enum class poll_status { read, write, timeout, error, closed };

class scheduler {
public:
  std::size_t process_events(std::chrono::milliseconds timeout);
  task<void> yield_for(std::chrono::milliseconds amount);
  task<poll_status> poll(int fd, poll_op op,
                         std::chrono::milliseconds timeout = {});
};

template <typename T> class generator {
public:
  struct promise_type {
    generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T) { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  T *begin() { return nullptr; }
  T *end() { return nullptr; }
};
} // namespace coro
