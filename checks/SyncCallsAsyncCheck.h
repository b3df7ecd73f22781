//===--- SyncCallsAsyncCheck.h - coro-sync-calls-async --------------------===//

#ifndef COROLINT_SYNCCALLSASYNCCHECK_H
#define COROLINT_SYNCCALLSASYNCCHECK_H

#include "CoroutineCallCheck.h"
#include "llvm/ADT/DenseMap.h"

namespace corolint {

/// Finds calls in coroutines to plain functions that run an event loop or
/// another coroutine to completion (A calls B, B calls `sync_wait(C())`),
/// with a note per hop, and offers on a note the rewrite that makes B a
/// coroutine. See docs/checks/coro-sync-calls-async.md.
/// The note that asks to make Callee a coroutine, and what follows it (why
/// there is no fix-it, say), if anything.
std::string asyncAdvice(llvm::StringRef Callee, llvm::StringRef Then);

class SyncCallsAsyncCheck : public CoroutineCallCheck {
public:
  SyncCallsAsyncCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context)
      : CoroutineCallCheck(Name, Context, BlockKind::NestedRun,
                           Reports::Followed) {}

  void onEndOfTranslationUnit() override;

  /// The edits that make a function a coroutine of the caller's framework
  /// and await it at every call ("async all the way up"), or why there are
  /// none.
  struct Rewrite {
    std::vector<clang::FixItHint> Fixes;
    std::string WhyNot;
  };

private:
  void noteChainAdvice(const OwnCall &Call, const Chain &C,
                       const AsyncContext &Coro,
                       const clang::FunctionDecl &Callee, Analysis &A,
                       clang::ASTContext &Ctx) override;

  /// Each function's rewrite, made at its first reported call; it covers
  /// every call.
  llvm::DenseMap<const clang::FunctionDecl *, Rewrite> Rewrites;
};

} // namespace corolint

#endif // COROLINT_SYNCCALLSASYNCCHECK_H
