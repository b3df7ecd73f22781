#include "store.h"

int Cloud::get(int X) { return X; }
