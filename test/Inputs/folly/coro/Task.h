// Minimal folly::coro mock: real names, none of its code. A Task is awaited
// as an rvalue only, as in folly.
#pragma once
#include "../../mock_support.h"

namespace folly {
namespace coro {
template <typename T = void> class Task {
public:
  using promise_type = ::mock_detail::promise<Task, T>;
  using value_type = T;
  explicit Task(std::coroutine_handle<promise_type> h) : h(h) {}
  Task(Task &&o) noexcept : h(o.h) {}
  Task(const Task &) = delete;
  auto operator co_await() && noexcept { return ::mock_detail::ready_awaiter<T>{}; }

private:
  std::coroutine_handle<promise_type> h;
};

struct blocking_wait_fn {
  template <typename Awaitable> auto operator()(Awaitable &&) const {
    return typename std::remove_cvref_t<Awaitable>::value_type();
  }
};
inline constexpr blocking_wait_fn blocking_wait{};
static constexpr blocking_wait_fn const &blockingWait = blocking_wait;
} // namespace coro

template <typename T> class Future {
public:
  T get() &&;
  Future &wait() &;
};
template <typename T> class SemiFuture {
public:
  T get() &&;
  SemiFuture &wait() &;
};
} // namespace folly
