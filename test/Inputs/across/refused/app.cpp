#include "helpers.h"
#include <ext.h>
#include <cppcoro/task.hpp>

cppcoro::task<int> app(int X) {
  int A = lookup(X);
  int B = c_fetch(X);
  int C = locked(X);
  int E = ext_fetch(X);
  co_return A + B + C + E;
}
