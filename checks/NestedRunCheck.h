//===--- NestedRunCheck.h - coro-nested-run -------------------------------===//

#ifndef COROLINT_NESTEDRUNCHECK_H
#define COROLINT_NESTEDRUNCHECK_H

#include "CoroutineCallCheck.h"

namespace corolint {

/// Finds run-to-completion entry points (`sync_wait`, `io_context::run`,
/// `blockingWait`, ...) called inside coroutines, and rewrites the ones that
/// keep their value to `co_await`. See docs/checks/coro-nested-run.md.
class NestedRunCheck : public CoroutineCallCheck {
public:
  NestedRunCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : CoroutineCallCheck(Name, Context, BlockKind::NestedRun,
                           Reports::Direct) {}

private:
  void checkDirect(const OwnCall &Call, const Primitive &P,
                   const AsyncContext &Coro, clang::ASTContext &Ctx) override;
};

} // namespace corolint

#endif // COROLINT_NESTEDRUNCHECK_H
