#include "compute.h"
#include "probe.h"

int probe(int X) { return cppcoro::sync_wait(compute(X)); }
