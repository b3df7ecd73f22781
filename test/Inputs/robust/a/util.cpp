// A harmless function of internal linkage, named as one in b/util.cpp that
// blocks: the two must not be taken for one another.
#include <cppcoro/task.hpp>
namespace {
void flush() {}
} // namespace
cppcoro::task<> ca() {
  flush();
  co_return;
}
