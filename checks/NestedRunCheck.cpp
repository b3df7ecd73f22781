//===--- NestedRunCheck.cpp - coro-nested-run -----------------------------===//

#include "NestedRunCheck.h"
#include "AwaitRewrite.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace corolint {

namespace {

std::optional<FixItHint> fixFor(const OwnCall &Call, const RunEntryPoint &Entry,
                                const AsyncContext &Coro, ASTContext &Ctx) {
  // Awaiting another framework's task may not compile in this coroutine.
  if (Entry.Id != Coro.framework() || !canRewriteToAwait(Call, Coro))
    return std::nullopt;
  return runToAwait(Call, Entry, Ctx);
}

} // namespace

void NestedRunCheck::checkDirect(const OwnCall &Call, const Primitive &P,
                                 const AsyncContext &Coro, ASTContext &Ctx) {
  const RunEntryPoint *Entry = P.Run;
  std::optional<FixItHint> Fix = fixFor(Call, *Entry, Coro, Ctx);
  {
    DiagnosticBuilder D = warnAt(Call, "nested run '%0'", {P.Name}, Coro);
    if (Fix)
      D << *Fix;
  }
  noteImplicit(Call);
  noteCoroutine(Coro);
  if (Fix)
    return;
  if (!Entry->Advice.empty())
    noteAt(Call, "%0") << Entry->Advice;
  else if (Entry->Id != Coro.framework())
    noteAt(Call, "'co_await' the work instead if this coroutine's task type "
                 "can await it; no fix-it is offered across frameworks");
  else
    noteAt(Call, "'co_await' the work instead");
}

} // namespace corolint
