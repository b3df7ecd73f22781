//===--- Checks.cpp - The coro-* checks, as data --------------------------===//

#include "Checks.h"
#include "EnumNames.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cassert>

namespace corolint {

static const CheckInfo Infos[] = {
    {CheckId::BlockingCall, "coro-blocking-call", BlockKind::Call, true, true,
     "A coroutine makes a blocking call",
     "A blocking call inside a coroutine, directly or through plain "
     "functions it calls, parks the thread that runs the coroutine and every "
     "other coroutine on it. The families, each named in the warning and "
     "each switched off by an option: waits for another thread (a future's "
     "get or wait, a join, condition variable, latch, barrier and semaphore "
     "waits), locks (flock, fcntl F_SETLKW; mutexes only when listed), "
     "processes (std::system, popen, waitpid), name resolution, network and "
     "descriptor I/O (POSIX reads and writes on blocking descriptors, "
     "Asio, Beast and Boost.Process operations that have an async_ twin, Qt "
     "waits), standard input, files, database clients (libpq, SQLite, "
     "hiredis), HTTP (libcurl) and RPC (gRPC stubs); and functions listed in "
     "BlockingFunctions or marked COROLINT_BLOCKING. Await the asynchronous "
     "counterpart instead: the fix-it writes the awaited Asio twin or QCoro "
     "wait, or the note names the alternative. 'corolint --list-blocking' "
     "lists every function."},
    {CheckId::BlockingSleep, "coro-blocking-sleep", BlockKind::Sleep, true,
     true, "A coroutine sleeps its thread",
     "std::this_thread::sleep_for and its kin (POSIX, Boost.Thread, Qt and "
     "SQLite sleeps, a synchronous Asio timer wait) inside a coroutine, "
     "directly or through plain functions it calls, do not suspend the "
     "coroutine: "
     "they stop the thread and everything it serves. Await the framework's "
     "timer instead (the fix-it rewrites a direct sleep to it, for example "
     "'co_await asio::steady_timer(co_await asio::this_coro::executor, "
     "d).async_wait(asio::use_awaitable)')."},
    {CheckId::NestedRun, "coro-nested-run", BlockKind::NestedRun, true, false,
     "A coroutine runs a nested event loop or waits synchronously on a "
     "coroutine",
     "io_context::run, sync_wait, blockingWait and the like (and the "
     "functions RunFunctions names) inside a coroutine block its thread "
     "until the nested work finishes, and deadlock when that work needs the "
     "thread. Await the work instead; the fix-it rewrites 'sync_wait(x)' to "
     "'co_await x' where that is equivalent."},
    {CheckId::SyncCallsAsync, "coro-sync-calls-async", BlockKind::NestedRun,
     false, true,
     "A coroutine calls a plain function that blocks on asynchronous work",
     "Coroutine A calls plain function B, which runs coroutine C to "
     "completion with sync_wait or a nested event loop: A's thread blocks "
     "until C is done. Make B a coroutine and co_await it (async all the "
     "way up); the notes trace the chain of calls, across files in the "
     "standalone corolint, and clang-tidy --fix-notes or corolint --fix "
     "--fix-notes applies the rewrite where it is safe."},
};

llvm::ArrayRef<CheckInfo> checkInfos() { return Infos; }

const CheckInfo &checkInfo(CheckId Id) {
  const CheckInfo *Info = llvm::find_if(
      Infos, [&](const CheckInfo &I) { return I.Id == Id; });
  assert(Info != std::end(Infos) && "every check has a row");
  return *Info;
}

const CheckInfo *checkNamed(llvm::StringRef Name) {
  const CheckInfo *Info = llvm::find_if(
      Infos, [&](const CheckInfo &I) { return I.Name == Name; });
  return Info == std::end(Infos) ? nullptr : Info;
}

CheckId checkFor(BlockKind Kind, bool Chain) {
  const CheckInfo *Info = llvm::find_if(Infos, [&](const CheckInfo &I) {
    return I.Kind == Kind && (Chain ? I.Followed : I.Direct);
  });
  assert(Info != std::end(Infos) && "every kind has a check");
  return Info->Id;
}

static constexpr llvm::StringLiteral KindNames[NumBlockKinds] = {
    "sleep", "nested-run", "call"};

llvm::StringRef kindName(BlockKind Kind) {
  return KindNames[static_cast<unsigned>(Kind)];
}

std::optional<BlockKind> kindNamed(llvm::StringRef Name) {
  return enumNamed<BlockKind>(KindNames, Name);
}

std::string docsUrl(const CheckInfo &C) {
  static const std::string Base = []() -> std::string {
    if (*COROLINT_DOCS_URL)
      return COROLINT_DOCS_URL;
    // The docs installed beside the binaries (<prefix>/bin and
    // <prefix>/share/doc/corolint, wherever the prefix is: cmake --install,
    // the .deb), else, from the build tree, the sources'.
    llvm::SmallString<256> Dir(llvm::sys::path::parent_path(
        llvm::sys::path::parent_path(
            llvm::sys::fs::getMainExecutable("corolint", nullptr))));
    llvm::sys::path::append(Dir, COROLINT_DOCDIR, "checks");
    if (llvm::sys::fs::is_directory(Dir))
      return ("file://" + Dir).str();
    return "file://" COROLINT_SOURCE_DIR "/docs/checks";
  }();
  return (Base + "/" + C.Name + ".md").str();
}

} // namespace corolint
