// Its worker reads block.h, a named pipe the test makes and never writes.
#include "block.h"
void blocked() {}
