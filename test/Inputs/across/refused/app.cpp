#include "helpers.h"
#include "probe.h"
#include "store.h"
#include <ext.h>
#include <cppcoro/task.hpp>

cppcoro::task<int> app(Store &S, int X) {
  int A = lookup(X);
  int B = c_fetch(X);
  int C = locked(X);
  int E = ext_fetch(X);
  int F = S.get(X);
  int G = probe(X);
  co_return A + B + C + E + F + G;
}
