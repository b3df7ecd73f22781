// The coroutine plumbing the framework mocks share; each mock declares its
// framework's real names on top of it. Not a framework's code.
#pragma once
#include <coroutine>
#include <exception>
#include <type_traits>
#include <utility>

namespace mock_detail {
template <typename T> struct value_holder {
  T value{};
  void return_value(T v) { value = std::move(v); }
};
template <> struct value_holder<void> {
  void return_void() {}
};

template <typename Task, typename T> struct promise : value_holder<T> {
  Task get_return_object() {
    return Task{std::coroutine_handle<promise>::from_promise(*this)};
  }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() { std::terminate(); }
};

template <typename T> struct ready_awaiter {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const { return T(); }
};
} // namespace mock_detail

// A lazily started task type called Name, awaitable as an lvalue or rvalue;
// the variadic part adds members.
#define MOCK_TASK(Name, ...)                                                   \
  template <typename T = void> class Name {                                    \
  public:                                                                      \
    using promise_type = ::mock_detail::promise<Name, T>;                      \
    using value_type = T;                                                      \
    explicit Name(std::coroutine_handle<promise_type> h) : h(h) {}             \
    bool await_ready() const noexcept { return false; }                        \
    void await_suspend(std::coroutine_handle<>) const noexcept {}              \
    T await_resume() const {                                                   \
      if constexpr (!std::is_void_v<T>)                                        \
        return h.promise().value;                                              \
    }                                                                          \
    __VA_ARGS__                                                                \
  private:                                                                     \
    std::coroutine_handle<promise_type> h;                                     \
  };
