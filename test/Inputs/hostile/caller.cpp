#include "cppcoro/task.hpp"

void helper();

cppcoro::task<void> caller() {
  helper();
  co_return;
}
