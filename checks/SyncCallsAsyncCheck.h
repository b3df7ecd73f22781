//===--- SyncCallsAsyncCheck.h - coro-sync-calls-async --------------------===//

#ifndef COROLINT_SYNCCALLSASYNCCHECK_H
#define COROLINT_SYNCCALLSASYNCCHECK_H

#include "CoroutineCallCheck.h"

namespace corolint {

/// Finds calls in coroutines to plain functions that run an event loop or
/// another coroutine to completion (A calls B, B calls `sync_wait(C())`),
/// with a note per hop. See docs/checks/coro-sync-calls-async.md.
class SyncCallsAsyncCheck : public CoroutineCallCheck {
public:
  SyncCallsAsyncCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context)
      : CoroutineCallCheck(Name, Context, BlockKind::NestedRun,
                           Reports::Followed) {}

private:
  void noteChainAdvice(const OwnCall &Call, const Primitive &P,
                       const AsyncContext &Coro,
                       const clang::FunctionDecl &Callee,
                       Analysis &A) override;
};

} // namespace corolint

#endif // COROLINT_SYNCCALLSASYNCCHECK_H
