// The project's precompiled header: every file gets it from the compile
// command (-include-pch), none includes it.
#pragma once
#include "cppcoro/task.hpp"

extern "C" unsigned sleep(unsigned);

inline void settle() {}
