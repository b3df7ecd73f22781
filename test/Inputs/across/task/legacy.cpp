#include "legacy.h"
#include "compute.h"

int fetch(int X) { return cppcoro::sync_wait(compute(X)); }
