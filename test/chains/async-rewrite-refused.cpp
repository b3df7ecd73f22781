// The async-all-the-way-up rewrite is refused, with the reason in the note,
// wherever it would not compile or would change meaning.
// RUN: %clang_tidy --checks='-*,coro-sync-calls-async' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <functional>
#include <mutex>
#include <string>
#include <utility>

#include "concurrencpp/concurrencpp.h"
#include "cppcoro/task.hpp"

cppcoro::task<int> fetch();
cppcoro::task<std::string> fetch_name();
std::mutex Mu;

// A lock would be held across the new suspension.
int locked_now() {
  std::lock_guard<std::mutex> Lock(Mu);
  return cppcoro::sync_wait(fetch());
}
// A caller binds the result to a reference: co_await may yield a reference
// into the temporary task.
std::string name_now() { return cppcoro::sync_wait(fetch_name()); }
// co_return {...} cannot deduce a templated return_value's parameter.
std::pair<int, int> pair_now() { return {cppcoro::sync_wait(fetch()), 0}; }
// Declared together with another function.
int count_now(), other_count();
int count_now() { return cppcoro::sync_wait(fetch()); }
// Used from a template.
int templ_now() { return cppcoro::sync_wait(fetch()); }
template <typename T> int use_in_template(T) { return templ_now(); }
// A name in its scope hides the task type's namespace.
namespace app {
namespace cppcoro {}
inline int hidden_now() { return ::cppcoro::sync_wait(fetch()); }
} // namespace app

cppcoro::task<int> refused() {
  int A = locked_now();
  // CHECK: :[[@LINE-1]]:11: warning: call to 'locked_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'refused' [coro-sync-calls-async]
  // CHECK: :[[@LINE-3]]:20: note: coroutine 'refused' declared here
  // CHECK: :[[@LINE-23]]:10: note: 'locked_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:11: note: make 'locked_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'locked_now' holds a lock where it would suspend
  const std::string &N = name_now();
  // CHECK: :[[@LINE-1]]:26: warning: call to 'name_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'refused' [coro-sync-calls-async]
  // CHECK: :[[@LINE-8]]:20: note: coroutine 'refused' declared here
  // CHECK: :[[@LINE-24]]:33: note: 'name_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:26: note: make 'name_now' a coroutine and 'co_await' it: async all the way up; no fix-it: a call of 'name_now' binds its result to a reference
  A += pair_now().first;
  // CHECK: :[[@LINE-1]]:8: warning: call to 'pair_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'refused' [coro-sync-calls-async]
  // CHECK: :[[@LINE-13]]:20: note: coroutine 'refused' declared here
  // CHECK: :[[@LINE-27]]:42: note: 'pair_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:8: note: make 'pair_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'pair_now' returns a braced list
  A += count_now();
  // CHECK: :[[@LINE-1]]:8: warning: call to 'count_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'refused' [coro-sync-calls-async]
  // CHECK: :[[@LINE-18]]:20: note: coroutine 'refused' declared here
  // CHECK: :[[@LINE-29]]:26: note: 'count_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:8: note: make 'count_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'count_now' is declared together with another name
  A += templ_now();
  // CHECK: :[[@LINE-1]]:8: warning: call to 'templ_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'refused' [coro-sync-calls-async]
  // CHECK: :[[@LINE-23]]:20: note: coroutine 'refused' declared here
  // CHECK: :[[@LINE-32]]:26: note: 'templ_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:8: note: make 'templ_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'templ_now' is used outside cppcoro coroutines
  A += app::hidden_now();
  // CHECK: :[[@LINE-1]]:8: warning: call to 'app::hidden_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'refused' [coro-sync-calls-async]
  // CHECK: :[[@LINE-28]]:20: note: coroutine 'refused' declared here
  // CHECK: :[[@LINE-32]]:34: note: 'app::hidden_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:8: note: make 'app::hidden_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'cppcoro' means something else where 'app::hidden_now' is declared
  co_return A + static_cast<int>(N.size());
}

// A root would have to run the task to completion: concurrencpp has no
// call that does so from plain code and keeps the value.
concurrencpp::result<int> computed();
int computed_now() { return computed().get(); }
int from_main() { return computed_now(); }

concurrencpp::result<int> root_cannot_run() {
  co_return computed_now();
  // CHECK: :[[@LINE-1]]:13: warning: call to 'computed_now' reaches nested run 'concurrencpp::result::get' inside coroutine 'root_cannot_run' [coro-sync-calls-async]
  // CHECK: :[[@LINE-3]]:27: note: coroutine 'root_cannot_run' declared here
  // CHECK: :[[@LINE-7]]:40: note: 'computed_now' calls 'concurrencpp::result::get' here
  // CHECK: :[[@LINE-4]]:13: note: make 'computed_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'from_main' calls 'computed_now' outside coroutines, and corolint knows no call that runs such a task to completion there
}

// C callers could not await it; a task of a reference would refer into
// the coroutine's frame; its address is taken; it is stored in a
// std::function.
extern "C" int c_now() { return cppcoro::sync_wait(fetch()); }
int Cached = 0;
int &ref_now() {
  Cached = cppcoro::sync_wait(fetch());
  return Cached;
}
int addressed_now() { return cppcoro::sync_wait(fetch()); }
int (*Pointer)() = &addressed_now;
int stored_now() { return cppcoro::sync_wait(fetch()); }
std::function<int()> Stored = stored_now;

cppcoro::task<int> refused_too() {
  int A = c_now();
  // CHECK: :[[@LINE-1]]:11: warning: call to 'c_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'refused_too' [coro-sync-calls-async]
  // CHECK: :[[#TOO:@LINE-3]]:20: note: coroutine 'refused_too' declared here
  // CHECK: :[[@LINE-15]]:33: note: 'c_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:11: note: make 'c_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'c_now' has C language linkage
  A += ref_now();
  // CHECK: :[[@LINE-1]]:8: warning: call to 'ref_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'refused_too' [coro-sync-calls-async]
  // CHECK: :[[#TOO]]:20: note: coroutine 'refused_too' declared here
  // CHECK: :[[@LINE-17]]:12: note: 'ref_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:8: note: make 'ref_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'ref_now' returns a reference
  A += addressed_now();
  // CHECK: :[[@LINE-1]]:8: warning: call to 'addressed_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'refused_too' [coro-sync-calls-async]
  // CHECK: :[[#TOO]]:20: note: coroutine 'refused_too' declared here
  // CHECK: :[[@LINE-19]]:30: note: 'addressed_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:8: note: make 'addressed_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'addressed_now' is named other than in a call (its address taken, or the function stored)
  A += stored_now();
  // CHECK: :[[@LINE-1]]:8: warning: call to 'stored_now' reaches nested run 'cppcoro::sync_wait' inside coroutine 'refused_too' [coro-sync-calls-async]
  // CHECK: :[[#TOO]]:20: note: coroutine 'refused_too' declared here
  // CHECK: :[[@LINE-22]]:27: note: 'stored_now' calls 'cppcoro::sync_wait' here
  // CHECK: :[[@LINE-4]]:8: note: make 'stored_now' a coroutine and 'co_await' it: async all the way up; no fix-it: 'stored_now' is named other than in a call (its address taken, or the function stored)
  co_return A;
}
