// Compiled twice (the compile database lists it with and without -DX): the
// coroutine exists in the second parse only.
#include <cppcoro/task.hpp>
#ifdef X
#include "x.h"
cppcoro::task<> only_with_x() {
  x_helper();
  co_return;
}
#endif
