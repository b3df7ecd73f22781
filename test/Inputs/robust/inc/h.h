#pragma once
#include <cppcoro/task.hpp>
void ext_block();
inline cppcoro::task<> hc() {
  ext_block();
  co_return;
}
