// A C++20 service whose helpers live in a C++14 file and a C file.
#include "cppcoro/task.hpp"

void legacy_pause();
extern "C" {
struct conn;
int conn_read(struct conn *c);
}

cppcoro::task<> serve() {
  legacy_pause();
  co_return;
}

cppcoro::task<int> receive(conn *c) { co_return conn_read(c); }
