#include "probe.h"

int old_code() { return 1; }
