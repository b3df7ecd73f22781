#pragma once
#include "source.h"

struct Remote : Source {
  int fetch(int X) override;
};
