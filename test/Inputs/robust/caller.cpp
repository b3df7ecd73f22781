#include <cppcoro/task.hpp>
void vouched();
void ext_block();
cppcoro::task<> cb() {
  vouched();
  co_return;
}
cppcoro::task<>
cd() {
  ext_block();
  co_return;
}
cppcoro::task<> ce() {
  /* é */ ext_block();
  co_return;
}
