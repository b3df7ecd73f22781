#include "compute.h"
#include "store.h"

int Disk::get(int X) { return cppcoro::sync_wait(compute(X)); }
