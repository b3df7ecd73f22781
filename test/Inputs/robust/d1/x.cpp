#include "../inc/h.h"
