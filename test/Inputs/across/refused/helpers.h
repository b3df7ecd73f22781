// Blocking helpers whose rewrite across files is refused, each for its
// reason. (test/chains/across-files-refused.test)
#pragma once

int lookup(int X);
extern "C" int c_fetch(int X);
int locked(int X);
