// Minimal async_simple mock.
#pragma once
#include "../../mock_support.h"

namespace async_simple {
namespace coro {
MOCK_TASK(Lazy)
MOCK_TASK(RescheduleLazy)
} // namespace coro

template <typename T> class Future {
public:
  T get();
  void wait();
};
} // namespace async_simple
