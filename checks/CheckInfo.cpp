//===--- CheckInfo.cpp - What each coro-* check is about, as data ---------===//

#include "CheckInfo.h"

namespace corolint {

static const CheckInfo Infos[] = {
    {"coro-blocking-call",
     "A coroutine makes a blocking call",
     "A blocking call (a mutex lock, a condition variable wait, a future's "
     "get, a synchronous read or resolve) inside a coroutine, directly or "
     "through plain functions it calls, parks the thread that runs the "
     "coroutine and every other coroutine on it. Await the framework's "
     "asynchronous counterpart instead; the note names it. Options "
     "BlockingFunctions and AllowedFunctions adjust what counts as blocking."},
    {"coro-blocking-sleep",
     "A coroutine sleeps its thread",
     "std::this_thread::sleep_for and its kin inside a coroutine, directly "
     "or through plain functions it calls, do not suspend the coroutine: "
     "they stop the thread and everything it serves. Await the framework's "
     "timer instead (the fix-it rewrites a direct sleep to it, for example "
     "'co_await asio::steady_timer(co_await asio::this_coro::executor, "
     "d).async_wait(asio::use_awaitable)')."},
    {"coro-nested-run",
     "A coroutine runs a nested event loop or waits synchronously on a "
     "coroutine",
     "io_context::run, sync_wait, blockingWait and the like inside a "
     "coroutine block its thread until the nested work finishes, and "
     "deadlock when that work needs the thread. Await the work instead; "
     "the fix-it rewrites 'sync_wait(x)' to 'co_await x' where that is "
     "equivalent."},
    {"coro-sync-calls-async",
     "A coroutine calls a plain function that blocks on asynchronous work",
     "Coroutine A calls plain function B, which runs coroutine C to "
     "completion with sync_wait or a nested event loop: A's thread blocks "
     "until C is done. Make B a coroutine and co_await it (async all the "
     "way up); the notes trace the chain of calls, across files in the "
     "standalone corolint, and clang-tidy --fix-notes or corolint --fix "
     "--fix-notes applies the rewrite where it is safe."},
};

llvm::ArrayRef<CheckInfo> checkInfos() { return Infos; }

} // namespace corolint
