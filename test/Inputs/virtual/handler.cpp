#include "store.h"

cppcoro::task<int> handler(Store &S, Clock &C) {
  int Value = S.load();
  co_return Value + C.now();
}
