// Minimal Boost.Cobalt mock (Debian's Boost 1.81 predates Cobalt).
#pragma once
#include "../../mock_support.h"

namespace boost {
namespace cobalt {
MOCK_TASK(task)
MOCK_TASK(promise)
template <typename T> T run(task<T> t) { return t.await_resume(); }
} // namespace cobalt
} // namespace boost
