// A project header: plain helpers a coroutine calls, one of which runs a
// coroutine to completion.
#pragma once
#include "../cppcoro/task.hpp"

cppcoro::task<int> load_row(int Id);

inline int load_row_now(int Id) { return cppcoro::sync_wait(load_row(Id)); }

inline int load_total(int N) {
  int Sum = 0;
  for (int I = 0; I < N; ++I)
    Sum += load_row_now(I);
  return Sum;
}
