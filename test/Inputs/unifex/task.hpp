// Minimal libunifex mock: as in libunifex, unifex::task<T> is an alias of
// _task<T>::type.
#pragma once
#include "../mock_support.h"
#include <optional>

namespace unifex {
namespace _task {
template <typename T> struct _task {
  struct type {
    using promise_type = ::mock_detail::promise<type, T>;
    explicit type(std::coroutine_handle<promise_type>) {}
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    T await_resume() const { return T(); }
  };
};
} // namespace _task
template <typename T = void> using task = typename _task::_task<T>::type;
template <typename Sender> std::optional<int> sync_wait(Sender &&) { return {}; }
} // namespace unifex
