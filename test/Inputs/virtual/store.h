#pragma once
#include "cppcoro/task.hpp"

cppcoro::task<int> child();

struct Store {
  virtual ~Store() = default;
  virtual int load() = 0;
};

struct Clock {
  virtual ~Clock() = default;
  virtual int now() = 0;
};

struct SqlStore : Store {
  int load() override;
};
