// Minimal concurrencpp mock.
#pragma once
#include "../mock_support.h"
#include <chrono>

namespace concurrencpp {
#define CONCURRENCPP_MOCK_RESULT_MEMBERS                                       \
  T get() { return await_resume(); }                                           \
  void wait() {}                                                               \
  template <typename R, typename P>                                            \
  int wait_for(std::chrono::duration<R, P>) { return 0; }
MOCK_TASK(result, CONCURRENCPP_MOCK_RESULT_MEMBERS)
MOCK_TASK(lazy_result)
MOCK_TASK(shared_result, CONCURRENCPP_MOCK_RESULT_MEMBERS)
#undef CONCURRENCPP_MOCK_RESULT_MEMBERS
} // namespace concurrencpp
