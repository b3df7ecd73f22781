// A long operator chain is a deep tree: 100,000 terms in a helper the
// coroutine calls, and 50,000 in the coroutine itself, once overflowed the
// plugin's stack (one frame pair per operator). The walks run on a large
// stack: the helper's sleep after its chain is still found.
// RUN: python3 -c "import sys; n = int(sys.argv[1]); print('#include <unistd.h>\n#include \"cppcoro/task.hpp\"\nstruct O { O &operator<<(int); };\nvoid f(O &o) { o' + ' << 1' * n + '; sleep(1); }\ncppcoro::task<void> co(O &o) {\n  o' + ' << 1' * (n // 2) + ';\n  f(o);\n  co_return;\n}')" 100000 > %t.cpp
// RUN: %clang_tidy --checks='-*,coro-blocking-sleep' %t.cpp -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// CHECK: :7:3: warning: call to 'f' reaches blocking sleep 'sleep' inside coroutine 'co' [coro-blocking-sleep]
// CHECK: :5:21: note: coroutine 'co' declared here
// CHECK: :4:{{[0-9]+}}: note: 'f' calls 'sleep' here
// CHECK: :7:3: note: cppcoro coroutines await
