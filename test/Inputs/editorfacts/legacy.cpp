// B: a plain function that runs coroutine C to completion.
#include "prices.h"

cppcoro::task<int> fetch_price() { co_return 42; }

int price_now() { return cppcoro::sync_wait(fetch_price()); }
