// Minimal cppcoro mock: real names, none of its code.
#pragma once
#include "../mock_support.h"
#include <iterator>

namespace cppcoro {
MOCK_TASK(task)
MOCK_TASK(shared_task)

template <typename Awaitable> auto sync_wait(Awaitable &&a) {
  return typename std::remove_cvref_t<Awaitable>::value_type();
}

class io_service {
public:
  unsigned long process_events();
  unsigned long process_pending_events();
  unsigned long process_one_event();
  unsigned long process_one_pending_event();
  void stop() noexcept;
};

template <typename... Awaitables> task<> when_all_ready(Awaitables &&...);

template <typename T> class generator {
public:
  struct promise_type {
    T current{};
    generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) { current = v; return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  T *begin() { return nullptr; }
  T *end() { return nullptr; }
};
} // namespace cppcoro
