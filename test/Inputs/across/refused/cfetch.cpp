#include "compute.h"
#include "helpers.h"

extern "C" int c_fetch(int X) { return cppcoro::sync_wait(compute(X)); }
