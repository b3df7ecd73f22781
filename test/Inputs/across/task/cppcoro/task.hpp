// A small working task type with cppcoro's names, none of its code: lazy,
// awaited by symmetric transfer, run to completion on the calling thread by
// sync_wait (its tasks never wait for anything outside themselves).
// (test/chains/across-files-task.test)
#pragma once
#include <coroutine>
#include <exception>
#include <optional>
#include <utility>

namespace cppcoro {

template <typename T = void> class task;

namespace detail {
struct final_awaiter {
  bool await_ready() noexcept { return false; }
  template <typename P>
  std::coroutine_handle<> await_suspend(std::coroutine_handle<P> H) noexcept {
    std::coroutine_handle<> Next = H.promise().continuation;
    return Next ? Next : std::noop_coroutine();
  }
  void await_resume() noexcept {}
};
struct promise_base {
  std::coroutine_handle<> continuation;
  std::exception_ptr error;
  std::suspend_always initial_suspend() noexcept { return {}; }
  final_awaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() { error = std::current_exception(); }
  void check() {
    if (error)
      std::rethrow_exception(error);
  }
};
template <typename T> struct promise : promise_base {
  std::optional<T> value;
  task<T> get_return_object();
  void return_value(T V) { value.emplace(std::move(V)); }
  T result() {
    check();
    return std::move(*value);
  }
};
template <> struct promise<void> : promise_base {
  task<void> get_return_object();
  void return_void() {}
  void result() { check(); }
};
} // namespace detail

template <typename T> class task {
public:
  using promise_type = detail::promise<T>;
  using value_type = T;
  explicit task(std::coroutine_handle<promise_type> H) : H(H) {}
  task(task &&O) noexcept : H(std::exchange(O.H, {})) {}
  ~task() {
    if (H)
      H.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> C) noexcept {
    H.promise().continuation = C;
    return H;
  }
  T await_resume() { return H.promise().result(); }
  /// Runs the task to its end on this thread: sync_wait's.
  T run() {
    H.resume();
    return H.promise().result();
  }

private:
  std::coroutine_handle<promise_type> H;
};

namespace detail {
template <typename T> task<T> promise<T>::get_return_object() {
  return task<T>(std::coroutine_handle<promise<T>>::from_promise(*this));
}
inline task<void> promise<void>::get_return_object() {
  return task<void>(std::coroutine_handle<promise<void>>::from_promise(*this));
}
} // namespace detail

template <typename T> T sync_wait(task<T> &&Task) { return Task.run(); }
template <typename T> T sync_wait(task<T> &Task) { return Task.run(); }

} // namespace cppcoro
