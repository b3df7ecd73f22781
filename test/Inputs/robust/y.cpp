#include <h.h>
