// The async-all-the-way-up rewrite keeps what the return type says: the
// qualifiers written before it (`const char *`), a trailing return type; it
// refuses a const or volatile value, and a task name that the scope of the
// declaration hides (a base class's member, a namespace a using-directive
// brings in). The fixed file compiles.
// RUN: %clang_tidy --checks='-*,coro-sync-calls-async' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-sync-calls-async' --fix-notes %t.cpp -- -std=c++20 -I %inputs > /dev/null
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only -I %inputs %t.cpp

#include "cppcoro/task.hpp"

cppcoro::task<const char *> name();
cppcoro::task<int> count();

// FIXED: {{^}}cppcoro::task<const char *> name_now() { co_return co_await name(); }{{$}}
const char *name_now() { return cppcoro::sync_wait(name()); }
// FIXED: {{^}}static cppcoro::task<const char *> static_name_now() { co_return co_await name(); }{{$}}
static const char *static_name_now() { return cppcoro::sync_wait(name()); }
// FIXED: {{^}}auto count_now() -> cppcoro::task<int> { co_return co_await count(); }{{$}}
auto count_now() -> int { return cppcoro::sync_wait(count()); }
// FIXED: {{^}}const int const_count_now() { return cppcoro::sync_wait(count()); }{{$}}
const int const_count_now() { return cppcoro::sync_wait(count()); }
// FIXED: {{^}}volatile int volatile_count_now() { return cppcoro::sync_wait(count()); }{{$}}
volatile int volatile_count_now() { return cppcoro::sync_wait(count()); }

namespace other {
namespace cppcoro {}
} // namespace other

namespace app {
using namespace other;
// FIXED: {{^}}int ambiguous_now() { return ::cppcoro::sync_wait(::count()); }{{$}}
int ambiguous_now() { return ::cppcoro::sync_wait(::count()); }
} // namespace app

struct Base {
  struct cppcoro {};
};
struct Derived : Base {
  // FIXED: {{^}}  int member_now() { return ::cppcoro::sync_wait(::count()); }{{$}}
  int member_now() { return ::cppcoro::sync_wait(::count()); }
};

cppcoro::task<int> user(Derived &D) {
  const char *N = name_now();
  // CHECK: :[[@LINE-1]]:19: warning: call to 'name_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'user' [coro-sync-calls-async]
  // CHECK: :[[#USER:@LINE-3]]:20: note: coroutine 'user' declared here
  // CHECK: :[[#NAME:@LINE-32]]:33: note: 'name_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:19: note: make 'name_now' a coroutine and 'co_await' it: async all the way up
  // FIXED: {{^}}  const char *N = co_await name_now();{{$}}
  N = static_name_now();
  // CHECK: :[[@LINE-1]]:7: warning: call to 'static_name_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'user' [coro-sync-calls-async]
  // CHECK: :[[#USER]]:20: note: coroutine 'user' declared here
  // CHECK: :[[#NAME+2]]:47: note: 'static_name_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:7: note: make 'static_name_now' a coroutine and 'co_await' it: async all the way up
  // FIXED: {{^}}  N = co_await static_name_now();{{$}}
  int C = count_now();
  // CHECK: :[[@LINE-1]]:11: warning: call to 'count_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'user' [coro-sync-calls-async]
  // CHECK: :[[#USER]]:20: note: coroutine 'user' declared here
  // CHECK: :[[#NAME+4]]:34: note: 'count_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:11: note: make 'count_now' a coroutine and 'co_await' it: async all the way up
  // FIXED: {{^}}  int C = co_await count_now();{{$}}
  C += const_count_now();
  // CHECK: :[[@LINE-1]]:8: warning: call to 'const_count_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'user' [coro-sync-calls-async]
  // CHECK: :[[#USER]]:20: note: coroutine 'user' declared here
  // CHECK: :[[#NAME+6]]:38: note: 'const_count_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:8: note: make 'const_count_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'const_count_now' returns a const or volatile value
  C += volatile_count_now();
  // CHECK: :[[@LINE-1]]:8: warning: call to 'volatile_count_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'user' [coro-sync-calls-async]
  // CHECK: :[[#USER]]:20: note: coroutine 'user' declared here
  // CHECK: :[[#NAME+8]]:44: note: 'volatile_count_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:8: note: make 'volatile_count_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'volatile_count_now' returns a const or volatile value
  C += app::ambiguous_now();
  // CHECK: :[[@LINE-1]]:8: warning: call to 'app::ambiguous_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'user' [coro-sync-calls-async]
  // CHECK: :[[#USER]]:20: note: coroutine 'user' declared here
  // CHECK: :[[#NAME+17]]:30: note: 'app::ambiguous_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:8: note: make 'app::ambiguous_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'cppcoro' means something else where 'app::ambiguous_now' is declared
  C += D.member_now();
  // CHECK: :[[@LINE-1]]:10: warning: call to 'Derived::member_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'user' [coro-sync-calls-async]
  // CHECK: :[[#USER]]:20: note: coroutine 'user' declared here
  // CHECK: :[[#NAME+25]]:29: note: 'Derived::member_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:10: note: make 'Derived::member_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'cppcoro' means something else where 'Derived::member_now' is declared
  co_return C + (N != nullptr);
}
