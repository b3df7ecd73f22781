#include "store.h"

int SqlStore::load() { return cppcoro::sync_wait(child()); }
