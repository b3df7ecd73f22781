// A chain of 40 calls shows its first 16 hops and its last 16, with a
// note between them that says how many are left out (a generated chain
// of 800,000 printed 800,002 notes).
// RUN: %clang_tidy --checks='-*,coro-sync-calls-async' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/long.cpp
// RUN: printf '[{"directory": "%t", "file": "long.cpp", "arguments": ["clang++", "-std=c++20", "-I%inputs", "-c", "long.cpp"]}]' > %t/compile_commands.json
// RUN: %expect_exit 1 %corolint -p %t --no-cache 2>/dev/null > %t/out.txt
// RUN: grep -E '(warning|note|error):' %t/out.txt | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include "cppcoro/task.hpp"

cppcoro::task<int> fetch() { co_return 1; }
int f39() { return cppcoro::sync_wait(fetch()); }
int f38() { return f39(); }
int f37() { return f38(); }
int f36() { return f37(); }
int f35() { return f36(); }
int f34() { return f35(); }
int f33() { return f34(); }
int f32() { return f33(); }
int f31() { return f32(); }
int f30() { return f31(); }
int f29() { return f30(); }
int f28() { return f29(); }
int f27() { return f28(); }
int f26() { return f27(); }
int f25() { return f26(); }
int f24() { return f25(); }
int f23() { return f24(); }
int f22() { return f23(); }
int f21() { return f22(); }
int f20() { return f21(); }
int f19() { return f20(); }
int f18() { return f19(); }
int f17() { return f18(); }
int f16() { return f17(); }
int f15() { return f16(); }
int f14() { return f15(); }
int f13() { return f14(); }
int f12() { return f13(); }
int f11() { return f12(); }
int f10() { return f11(); }
int f9() { return f10(); }
int f8() { return f9(); }
int f7() { return f8(); }
int f6() { return f7(); }
int f5() { return f6(); }
int f4() { return f5(); }
int f3() { return f4(); }
int f2() { return f3(); }
int f1() { return f2(); }
int f0() { return f1(); }

cppcoro::task<int> handler() { co_return f0(); }

// CHECK: long{{.*}}.cpp:55:42: warning: call to 'f0' reaches nested run 'cppcoro::sync_wait' inside coroutine 'handler' [coro-sync-calls-async]
// CHECK-NEXT: long{{.*}}.cpp:55:20: note: coroutine 'handler' declared here
// CHECK-NEXT: long{{.*}}.cpp:53:19: note: 'f0' calls 'f1' here
// CHECK-NEXT: long{{.*}}.cpp:52:19: note: 'f1' calls 'f2' here
// CHECK-NEXT: long{{.*}}.cpp:51:19: note: 'f2' calls 'f3' here
// CHECK-NEXT: long{{.*}}.cpp:50:19: note: 'f3' calls 'f4' here
// CHECK-NEXT: long{{.*}}.cpp:49:19: note: 'f4' calls 'f5' here
// CHECK-NEXT: long{{.*}}.cpp:48:19: note: 'f5' calls 'f6' here
// CHECK-NEXT: long{{.*}}.cpp:47:19: note: 'f6' calls 'f7' here
// CHECK-NEXT: long{{.*}}.cpp:46:19: note: 'f7' calls 'f8' here
// CHECK-NEXT: long{{.*}}.cpp:45:19: note: 'f8' calls 'f9' here
// CHECK-NEXT: long{{.*}}.cpp:44:19: note: 'f9' calls 'f10' here
// CHECK-NEXT: long{{.*}}.cpp:43:20: note: 'f10' calls 'f11' here
// CHECK-NEXT: long{{.*}}.cpp:42:20: note: 'f11' calls 'f12' here
// CHECK-NEXT: long{{.*}}.cpp:41:20: note: 'f12' calls 'f13' here
// CHECK-NEXT: long{{.*}}.cpp:40:20: note: 'f13' calls 'f14' here
// CHECK-NEXT: long{{.*}}.cpp:39:20: note: 'f14' calls 'f15' here
// CHECK-NEXT: long{{.*}}.cpp:38:20: note: 'f15' calls 'f16' here
// CHECK-NEXT: long{{.*}}.cpp:37:20: note: and 8 more calls down the chain from here, not shown
// CHECK-NEXT: long{{.*}}.cpp:29:20: note: 'f24' calls 'f25' here
// CHECK-NEXT: long{{.*}}.cpp:28:20: note: 'f25' calls 'f26' here
// CHECK-NEXT: long{{.*}}.cpp:27:20: note: 'f26' calls 'f27' here
// CHECK-NEXT: long{{.*}}.cpp:26:20: note: 'f27' calls 'f28' here
// CHECK-NEXT: long{{.*}}.cpp:25:20: note: 'f28' calls 'f29' here
// CHECK-NEXT: long{{.*}}.cpp:24:20: note: 'f29' calls 'f30' here
// CHECK-NEXT: long{{.*}}.cpp:23:20: note: 'f30' calls 'f31' here
// CHECK-NEXT: long{{.*}}.cpp:22:20: note: 'f31' calls 'f32' here
// CHECK-NEXT: long{{.*}}.cpp:21:20: note: 'f32' calls 'f33' here
// CHECK-NEXT: long{{.*}}.cpp:20:20: note: 'f33' calls 'f34' here
// CHECK-NEXT: long{{.*}}.cpp:19:20: note: 'f34' calls 'f35' here
// CHECK-NEXT: long{{.*}}.cpp:18:20: note: 'f35' calls 'f36' here
// CHECK-NEXT: long{{.*}}.cpp:17:20: note: 'f36' calls 'f37' here
// CHECK-NEXT: long{{.*}}.cpp:16:20: note: 'f37' calls 'f38' here
// CHECK-NEXT: long{{.*}}.cpp:15:20: note: 'f38' calls 'f39' here
// CHECK-NEXT: long{{.*}}.cpp:14:20: note: 'f39' calls 'cppcoro::sync_wait' here
// CHECK-NEXT: long{{.*}}.cpp:55:42: note: make 'f0' a coroutine and 'co_await' it: async all the way up{{.*}}

// A rewrite of more than 20,000 edits (a chain of 7,000 functions: each
// one's return type, return and call) is refused, as soon as it is that large:
// a fix-it that large is no one's review, and clang merges a fix-it's edits
// in time quadratic in their number.
// RUN: python3 -c "import sys; n = 7000; print('#include \"cppcoro/task.hpp\"'); print('cppcoro::task<int> fetch() { co_return 1; }'); print('int g%%d() { return cppcoro::sync_wait(fetch()); }' %% (n - 1)); [print('int g%%d() { return g%%d(); }' %% (i, i + 1)) for i in range(n - 2, -1, -1)]; print('cppcoro::task<int> big() { co_return g0(); }')" > %t/big.cpp
// RUN: %clang_tidy --checks='-*,coro-sync-calls-async' %t/big.cpp -- -std=c++20 -I %inputs | FileCheck --check-prefix=BIG %s
// BIG: big.cpp:{{[0-9]+}}:{{[0-9]+}}: note: and 6968 more calls down the chain from here, not shown
// BIG: big.cpp:{{[0-9]+}}:{{[0-9]+}}: note: make 'g0' a coroutine and 'co_await' it: async all the way up; no fix-it: the rewrite would make more than 20000 edits, too many for one fix-it
