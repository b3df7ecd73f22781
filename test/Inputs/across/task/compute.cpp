#include "compute.h"

cppcoro::task<int> compute(int X) { co_return X * 2; }
