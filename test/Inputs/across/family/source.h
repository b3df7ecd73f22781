// A virtual function whose overrides live in other files: one blocks on a
// nested run, one does not. (test/chains/across-files-family.test)
#pragma once

struct Source {
  virtual ~Source() = default;
  virtual int fetch(int X) = 0;
};
