// Minimal Seastar mock: a future is move-only and awaited by value.
#pragma once
#include "../../mock_support.h"

namespace seastar {
template <typename T = void> class future {
public:
  using promise_type = ::mock_detail::promise<future, T>;
  explicit future(std::coroutine_handle<promise_type> h) : h(h) {}
  future(future &&o) noexcept : h(o.h) {}
  future(const future &) = delete;
  T get() { return T(); }
  void wait() {}

private:
  std::coroutine_handle<promise_type> h;
};

template <typename T> auto operator co_await(future<T> f) noexcept {
  return ::mock_detail::ready_awaiter<T>{};
}

template <typename T = void> future<T> make_ready_future();
} // namespace seastar
