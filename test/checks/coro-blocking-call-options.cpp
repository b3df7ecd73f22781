// BlockingFunctions adds names and regular expressions, with suggestions;
// AllowedFunctions removes calls; std::mutex::lock is flagged only on request.
// RUN: %clang_tidy --checks='-*,coro-blocking-call' \
// RUN:   --config="{CheckOptions: {coro-blocking-call.BlockingFunctions: 'legacy::fetch=>co_await legacy::async_fetch(); ^legacy::db::.*_sync$; ::std::mutex::lock', coro-blocking-call.AllowedFunctions: 'std::thread::join'}}" \
// RUN:   %s -- -std=c++20 -I %inputs | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// An invalid regular expression is a configuration error, and the rest of
// the list still works.
// RUN: not %clang_tidy --checks='-*,coro-blocking-call' \
// RUN:   --config="{CheckOptions: {coro-blocking-call.BlockingFunctions: 'legacy::(fetch; legacy::fetch'}}" \
// RUN:   %s -- -std=c++20 -I %inputs 2>&1 | FileCheck --check-prefix=BAD %s
// BAD: error: option 'BlockingFunctions' of check 'coro-blocking-call': invalid regular expression 'legacy::(fetch': parentheses not balanced [clang-tidy-config]
// BAD: warning: blocking call to 'legacy::fetch' inside coroutine 'uses_legacy'
// A list that every check shares is parsed once, and what is wrong with it
// is said once, by the first check that reads it.
// RUN: not %clang_tidy --checks='-*,coro-*' \
// RUN:   --config="{CheckOptions: {BlockingFunctions: 'legacy::(fetch'}}" \
// RUN:   %s -- -std=c++20 -I %inputs 2>&1 | FileCheck --check-prefix=ONCE %s
// ONCE: error: option 'BlockingFunctions' of check 'coro-blocking-call': invalid regular expression 'legacy::(fetch': parentheses not balanced [clang-tidy-config]
// ONCE-NOT: invalid regular expression
// A family's switch that is neither true nor false is an error in the name
// of coro-blocking-call, said once although every check reads it; the
// family stays on.
// RUN: not %clang_tidy --checks='-*,coro-*' \
// RUN:   --config="{CheckOptions: {coro-blocking-call.ThreadWaits: maybe}}" \
// RUN:   %s -- -std=c++20 -I %inputs 2>&1 | FileCheck --check-prefix=SWITCH %s
// SWITCH: error: option 'ThreadWaits' of check 'coro-blocking-call': 'maybe' is neither true nor false; the family stays on [clang-tidy-config]
// SWITCH-NOT: neither true nor false
// SWITCH: warning: blocking call to 'std::thread::join' (waits for another thread) inside coroutine 'uses_legacy' [coro-blocking-call]
// SWITCH-NOT: neither true nor false
// A switch given as a global key, as clang-tidy's options may be, works too.
// RUN: %clang_tidy --checks='-*,coro-*' --config="{CheckOptions: {ThreadWaits: off}}" \
// RUN:   %s -- -std=c++20 -I %inputs 2>&1 | FileCheck --allow-empty --check-prefix=GLOBAL %s
// GLOBAL-NOT: {{warning|note|error}}:

#include <mutex>
#include <thread>

#include "cppcoro/task.hpp"

namespace legacy {
int fetch();
namespace db {
void query_sync();
void query_async();
} // namespace db
} // namespace legacy

cppcoro::task<int> uses_legacy(std::mutex &M, std::thread &T) {
  int V = legacy::fetch();
  // CHECK: :[[@LINE-1]]:11: warning: blocking call to 'legacy::fetch' inside coroutine 'uses_legacy' [coro-blocking-call]
  // CHECK: :[[#USES_LEGACY:@LINE-3]]:20: note: coroutine 'uses_legacy' declared here
  // CHECK: :[[@LINE-3]]:11: note: use co_await legacy::async_fetch() instead
  legacy::db::query_sync();
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'legacy::db::query_sync' inside coroutine 'uses_legacy' [coro-blocking-call]
  // CHECK: :[[#USES_LEGACY]]:20: note: coroutine 'uses_legacy' declared here
  legacy::db::query_async();
  M.lock();
  // CHECK: :[[@LINE-1]]:5: warning: blocking call to 'std::mutex::lock' (waits for a lock) inside coroutine 'uses_legacy' [coro-blocking-call]
  // CHECK: :[[#USES_LEGACY]]:20: note: coroutine 'uses_legacy' declared here
  // CHECK: :[[@LINE-3]]:5: note: use 'cppcoro::async_mutex' instead
  M.unlock();
  T.join();
  co_return V;
}
