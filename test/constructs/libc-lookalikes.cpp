// A project's own functions named like C library ones are not the C
// library's: no warning, and no rewrite that would read milliseconds as
// seconds.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --allow-empty --implicit-check-not='{{warning|note|error}}:'

#include "cppcoro/task.hpp"

static void sleep(int Ms) {}
static void usleep(long Ms) {}
static int gethostbyname(int Id) { return Id; }

cppcoro::task<int> no_warning_for_own_functions() {
  sleep(250);
  usleep(250);
  co_return gethostbyname(1);
}
