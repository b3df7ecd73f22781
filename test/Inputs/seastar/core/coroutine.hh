// Seastar's coroutine support header; the mock future is already a task.
#pragma once
#include "future.hh"
