// A plain function that reaches a sleep in another file.
#include "quotes.h"

void refresh_cache() { legacy_pause(); }
