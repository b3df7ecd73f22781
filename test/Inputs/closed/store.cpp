#include "store.h"
#include "cppcoro/task.hpp"

cppcoro::task<int> fetch_row(int Key);

int load_row(int Key) { return cppcoro::sync_wait(fetch_row(Key)); }
