#include "helpers.h"

int (*Lookup)(int) = &lookup;
