// Minimal stdexec mock: sync_wait is a customization point object.
#pragma once
#include "../mock_support.h"
#include <optional>
#include <tuple>

namespace stdexec {
struct just_sender {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const { return 0; }
};
inline just_sender just(int) { return {}; }

namespace __sync_wait {
struct sync_wait_t {
  template <typename Sender>
  std::optional<std::tuple<int>> operator()(Sender &&) const { return {}; }
};
} // namespace __sync_wait
inline constexpr __sync_wait::sync_wait_t sync_wait{};
inline constexpr __sync_wait::sync_wait_t sync_wait_with_variant{};

class run_loop {
public:
  void run();
};
} // namespace stdexec
