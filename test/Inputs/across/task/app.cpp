#include "legacy.h"
#include <cppcoro/task.hpp>
#include <cstdio>

cppcoro::task<int> serve(int X) {
  int V = fetch(X);
  co_return V + 1;
}

cppcoro::task<int> summary() { co_return report(3); }

int main() {
  std::printf("%d %d\n", cppcoro::sync_wait(serve(1)),
              cppcoro::sync_wait(summary()));
  std::printf("%d %d\n", fetch(5), report(6));
}
