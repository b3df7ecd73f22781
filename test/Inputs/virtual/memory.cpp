#include "store.h"

struct MemoryStore : Store {
  int load() override { return 1; }
};

struct SteadyClock : Clock {
  int now() override { return 2; }
};
