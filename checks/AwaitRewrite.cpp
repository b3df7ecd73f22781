//===--- AwaitRewrite.cpp - Building fix-its that write co_await ---------===//

#include "AwaitRewrite.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace corolint {

namespace {

/// The parent of E, looking through nodes that do not change what E is.
DynTypedNode parentOf(const Expr &E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(E);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return DynTypedNode();
    Node = Parents[0];
    const auto *P = Node.get<Expr>();
    if (!P || !isa<ExprWithCleanups, ImplicitCastExpr, MaterializeTemporaryExpr,
                    CXXBindTemporaryExpr>(P))
      return Node;
  }
}

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

} // namespace

/// Whether E's value is bound to a reference that outlives the
/// full-expression (a reference variable, a structured binding, a range-for
/// range): `co_await` may yield a reference into a temporary task.
bool bindsReference(const Expr &E, ASTContext &Ctx) {
  DynTypedNode Parent = parentOf(E, Ctx);
  if (const auto *Var = Parent.get<VarDecl>())
    return Var->getType()->isReferenceType() || isa<DecompositionDecl>(Var);
  return false;
}

std::string substitute(llvm::StringRef Pattern, llvm::StringRef Arg) {
  std::string Out;
  while (true) {
    size_t At = Pattern.find("%0");
    Out += Pattern.take_front(At).str();
    if (At == llvm::StringRef::npos)
      return Out;
    Out += Arg.str();
    Pattern = Pattern.drop_front(At + 2);
  }
}

bool awaitableAt(const OwnCall &Call) {
  return Call.Call && Call.CanAwait && !Call.Call->getBeginLoc().isMacroID() &&
         !Call.Call->getEndLoc().isMacroID();
}

bool canRewriteToAwait(const OwnCall &Call, const AsyncContext &Coro) {
  return Coro.FixIts && awaitableAt(Call);
}

std::optional<FixItHint> runToAwait(const OwnCall &Call,
                                    const RunEntryPoint &Entry,
                                    ASTContext &Ctx) {
  const Expr *Awaited = awaitedExpr(Call, Entry.Rewrite);
  if (!Awaited || !awaitableAt(Call) || bindsReference(*Call.Call, Ctx))
    return std::nullopt;
  if (!Entry.NotAwaitable.empty())
    if (const CXXRecordDecl *RD = recordOf(Awaited->getType());
        RD && qualifiedName(*RD) == Entry.NotAwaitable)
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

std::optional<std::string> spelledText(const Expr &E, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E.getSourceRange()), SM,
      Ctx.getLangOpts());
  if (Range.isInvalid())
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Text =
      Lexer::getSourceText(Range, SM, Ctx.getLangOpts(), &Invalid);
  if (Invalid || Text.empty())
    return std::nullopt;
  return Text.str();
}

std::string awaitOperand(const Expr &E, llvm::StringRef Text) {
  // co_await takes a cast-expression: postfix and primary expressions, and
  // unary ones, go as they are; anything with a binary operator needs
  // parentheses.
  const Expr *Inner = E.IgnoreImplicit();
  bool Plain = isa<DeclRefExpr, MemberExpr, ParenExpr, ArraySubscriptExpr,
                   CXXConstructExpr, CXXFunctionalCastExpr, CXXNamedCastExpr,
                   UnaryOperator, IntegerLiteral, StringLiteral,
                   CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, UserDefinedLiteral,
                   LambdaExpr, CXXThisExpr, CXXUnresolvedConstructExpr>(Inner);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Inner))
    Plain = Op->getOperator() == OO_Call || Op->getOperator() == OO_Subscript ||
            Op->getOperator() == OO_Arrow ||
            (Op->getNumArgs() == 1 && Op->getOperator() != OO_PlusPlus &&
             Op->getOperator() != OO_MinusMinus);
  else if (isa<CallExpr>(Inner))
    Plain = true;
  if (Plain)
    return Text.str();
  return ("(" + Text + ")").str();
}

bool isDiscarded(const Expr &Call, ASTContext &Ctx) {
  DynTypedNode Parent = parentOf(Call, Ctx);
  return Parent.get<CompoundStmt>() != nullptr;
}

FixItHint replaceCallByAwait(const Expr &Call, std::string Replacement,
                             ASTContext &Ctx) {
  DynTypedNode Parent = parentOf(Call, Ctx);
  if (const auto *P = Parent.get<Expr>()) {
    // Postfix operators bind tighter than co_await.
    bool Postfix = isa<MemberExpr, ArraySubscriptExpr>(P);
    if (const auto *C = dyn_cast<CallExpr>(P))
      Postfix = C->getCallee()->IgnoreImplicit() == &Call;
    if (const auto *U = dyn_cast<UnaryOperator>(P))
      Postfix = U->isPostfix();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
      Postfix = Op->getArg(0)->IgnoreImplicit() == &Call &&
                (Op->getOperator() == OO_Call ||
                 Op->getOperator() == OO_Subscript ||
                 Op->getOperator() == OO_Arrow ||
                 ((Op->getOperator() == OO_PlusPlus ||
                   Op->getOperator() == OO_MinusMinus) &&
                  Op->getNumArgs() == 2));
    if (Postfix)
      Replacement = "(" + Replacement + ")";
  }
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Call.getSourceRange()), Replacement);
}

} // namespace corolint
