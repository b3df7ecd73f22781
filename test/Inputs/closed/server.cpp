#include "cppcoro/task.hpp"
#include "store.h"

static int square(int X) { return X * X; }
int checksum(int X) { return square(X) + checksum(X - 1); }
int cached(int Key) { return load_row(Key) + checksum(Key); }

cppcoro::task<int> serve(int Key) {
  int Sum = checksum(Key);
  int Row = cached(Key);
  co_return Sum + Row;
}
