// Minimal async_simple mock.
#pragma once
#include "../../mock_support.h"

namespace async_simple {
class Executor;
namespace coro {
template <typename T> class RescheduleLazy;
MOCK_TASK(Lazy, RescheduleLazy<T> via(Executor *ex) &&;)
MOCK_TASK(RescheduleLazy)
} // namespace coro

template <typename T> class Future {
public:
  T get();
  void wait();
};
} // namespace async_simple
