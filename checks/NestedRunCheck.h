//===--- NestedRunCheck.h - coro-nested-run -------------------------------===//

#ifndef COROLINT_CHECKS_NESTEDRUNCHECK_H
#define COROLINT_CHECKS_NESTEDRUNCHECK_H

#include "CoroutineCheck.h"

namespace corolint {

/// Finds run-to-completion entry points (`sync_wait`, `io_context::run`,
/// `blockingWait`, ...) called inside coroutines, and rewrites the ones that
/// keep their value to `co_await`. See docs/checks/coro-nested-run.md.
class NestedRunCheck : public CoroutineCheck {
public:
  NestedRunCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                 std::shared_ptr<Session> S)
      : CoroutineCheck(Name, Context, std::move(S), CheckId::NestedRun) {}
};

} // namespace corolint

#endif // COROLINT_CHECKS_NESTEDRUNCHECK_H
