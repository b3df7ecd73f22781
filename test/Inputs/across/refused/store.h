#pragma once

struct Store {
  virtual ~Store() = default;
  virtual int get(int X) = 0;
};
struct Disk : Store {
  int get(int X) override;
};
// Defined in cloud.cpp, which the compile database does not list.
struct Cloud : Store {
  int get(int X) override;
};
