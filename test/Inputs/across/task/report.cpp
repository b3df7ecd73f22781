#include "legacy.h"

int report(int X) {
  int V = fetch(X);
  return V + 1;
}
