//===--- SyncCallsAsyncCheck.h - coro-sync-calls-async --------------------===//

#ifndef COROLINT_CHECKS_SYNCCALLSASYNCCHECK_H
#define COROLINT_CHECKS_SYNCCALLSASYNCCHECK_H

#include "CoroutineCheck.h"

namespace corolint {

/// Finds calls in coroutines to plain functions that run an event loop or
/// another coroutine to completion (A calls B, B calls `sync_wait(C())`),
/// with a note per hop, and offers on a note the rewrite that makes B a
/// coroutine. See docs/checks/coro-sync-calls-async.md.
class SyncCallsAsyncCheck : public CoroutineCheck {
public:
  SyncCallsAsyncCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context,
                      std::shared_ptr<Session> S)
      : CoroutineCheck(Name, Context, std::move(S), CheckId::SyncCallsAsync) {}
};

} // namespace corolint

#endif // COROLINT_CHECKS_SYNCCALLSASYNCCHECK_H
