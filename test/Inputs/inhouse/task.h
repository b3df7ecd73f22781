// An in-house task type corolint knows nothing about.
#pragma once
#include "../mock_support.h"

namespace acme {
MOCK_TASK(Job)
} // namespace acme
