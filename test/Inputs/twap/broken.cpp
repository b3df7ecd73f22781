#include "fills.h"

cppcoro::task<int> broken() {
  int Fill = fetch_fill()
  co_return Fill;
}
