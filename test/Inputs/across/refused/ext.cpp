#include "compute.h"
#include <ext.h>

int ext_fetch(int X) { return cppcoro::sync_wait(compute(X)); }
