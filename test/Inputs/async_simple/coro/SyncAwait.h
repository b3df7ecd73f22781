// Minimal async_simple::coro::syncAwait mock.
#pragma once
#include "Lazy.h"

namespace async_simple {

namespace coro {
template <typename LazyType> auto syncAwait(LazyType &&lazy) {
  return typename std::remove_cvref_t<LazyType>::value_type();
}
template <typename LazyType> auto syncAwait(LazyType &&lazy, Executor *ex) {
  return typename std::remove_cvref_t<LazyType>::value_type();
}
} // namespace coro
} // namespace async_simple
