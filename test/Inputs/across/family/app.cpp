#include "local.h"
#include "remote.h"
#include <cppcoro/task.hpp>
#include <cstdio>

cppcoro::task<int> serve(Source &S, int X) {
  int V = S.fetch(X);
  co_return V;
}

cppcoro::task<int> twice(Source &S) {
  int V = S.fetch(4);
  co_return V * 2;
}

int main() {
  Remote R;
  Local L;
  std::printf("%d %d\n", cppcoro::sync_wait(serve(R, 1)),
              cppcoro::sync_wait(serve(L, 2)));
  std::printf("%d %d\n", R.fetch(3), cppcoro::sync_wait(twice(L)));
}
