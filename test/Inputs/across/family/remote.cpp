#include "remote.h"
#include <cppcoro/task.hpp>

static cppcoro::task<int> ask(int X) { co_return X * 10; }

int Remote::fetch(int X) { return cppcoro::sync_wait(ask(X)); }
