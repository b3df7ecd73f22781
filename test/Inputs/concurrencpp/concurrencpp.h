// Minimal concurrencpp mock: the names of concurrencpp's headers
// (results/result_fwd_declarations.h, results/result.h, results/resume_on.h,
// results/when_result.h, executors/executor.h).
#pragma once
#include "../mock_support.h"
#include <chrono>
#include <memory>
#include <tuple>
#include <type_traits>

namespace concurrencpp {
enum class result_status { idle, value, exception };
struct executor_tag {};

#define CONCURRENCPP_MOCK_RESULT_MEMBERS                                       \
  T get() { return await_resume(); }                                           \
  void wait() {}                                                               \
  template <typename R, typename P>                                            \
  int wait_for(std::chrono::duration<R, P>) { return 0; }                     \
  result_status status() const { return result_status::value; }               \
  ::mock_detail::ready_awaiter<int> resolve() { return {}; }
MOCK_TASK(result, CONCURRENCPP_MOCK_RESULT_MEMBERS)
MOCK_TASK(lazy_result)
MOCK_TASK(shared_result, CONCURRENCPP_MOCK_RESULT_MEMBERS)
#undef CONCURRENCPP_MOCK_RESULT_MEMBERS

class executor {
  // As concurrencpp's own: the coroutine that runs a submitted callable on
  // the executor.
  template <typename R, typename E, typename F>
  static result<R> submit_bridge(executor_tag, E &, F callable) {
    co_return callable();
  }

public:
  template <typename F> auto submit(F callable) {
    return submit_bridge<decltype(callable())>({}, *this, callable);
  }
  template <typename F> void post(F callable);
};
class thread_executor : public executor {};
class thread_pool_executor : public executor {};
class runtime {
public:
  std::shared_ptr<concurrencpp::thread_pool_executor> thread_pool_executor() const noexcept;
  std::shared_ptr<concurrencpp::thread_pool_executor> background_executor() const noexcept;
};

template <typename E> ::mock_detail::ready_awaiter<void>
resume_on(std::shared_ptr<E> executor);

template <typename E, typename... R>
lazy_result<std::tuple<std::decay_t<R>...>> when_all(std::shared_ptr<E>,
                                                      R &&...results);
} // namespace concurrencpp
