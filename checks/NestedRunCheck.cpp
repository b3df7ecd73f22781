//===--- NestedRunCheck.cpp - coro-nested-run -----------------------------===//

#include "NestedRunCheck.h"
#include "AwaitRewrite.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace corolint {

namespace {

/// The expression the rewrite awaits: the argument of `X(e)` or the object
/// of `o.get()`, or nullptr.
const Expr *awaitedExpr(const OwnCall &Call, RunRewrite Rewrite) {
  switch (Rewrite) {
  case RunRewrite::AwaitArgument:
  case RunRewrite::AwaitArgumentMoved:
    // An extra argument (an executor, say) would be lost.
    return Call.Args.size() == 1 ? Call.Args[0] : nullptr;
  case RunRewrite::AwaitObject:
  case RunRewrite::AwaitObjectMoved: {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call.Call);
    const auto *Callee =
        Member ? dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens())
               : nullptr;
    if (!Callee || Callee->isArrow() || Callee->isImplicitAccess())
      return nullptr;
    return Callee->getBase();
  }
  case RunRewrite::None:
    return nullptr;
  }
  return nullptr;
}

std::optional<FixItHint> fixFor(const OwnCall &Call, const RunEntryPoint &Entry,
                                const AsyncContext &Coro, ASTContext &Ctx) {
  // Awaiting another framework's task may not compile in this coroutine.
  if (!Call.Call || Entry.Id != Coro.framework() ||
      !canRewriteToAwait(Call, Coro))
    return std::nullopt;
  const Expr *Awaited = awaitedExpr(Call, Entry.Rewrite);
  if (!Awaited)
    return std::nullopt;
  std::optional<std::string> Text = spelledText(*Awaited, Ctx);
  if (!Text)
    return std::nullopt;
  bool Move = (Entry.Rewrite == RunRewrite::AwaitArgumentMoved ||
               Entry.Rewrite == RunRewrite::AwaitObjectMoved) &&
              Awaited->IgnoreImplicit()->isLValue();
  std::string Operand = Move ? "std::move(" + *Text + ")"
                             : awaitOperand(*Awaited, *Text);
  return replaceCallByAwait(*Call.Call, "co_await " + Operand, Ctx);
}

} // namespace

void NestedRunCheck::checkDirect(const OwnCall &Call, const Primitive &P,
                                 const AsyncContext &Coro, ASTContext &Ctx) {
  const RunEntryPoint *Entry = P.Run;
  std::optional<FixItHint> Fix = fixFor(Call, *Entry, Coro, Ctx);
  {
    DiagnosticBuilder D = warnAt(Call, "nested run '%0'", Entry->QualifiedName, Coro);
    if (Fix)
      D << *Fix;
  }
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
