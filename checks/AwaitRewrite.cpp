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

} // namespace

bool canRewriteToAwait(const OwnCall &Call, const AsyncContext &Coro) {
  return Coro.FixIts && Call.CanAwait && !Call.Call->getBeginLoc().isMacroID() &&
         !Call.Call->getEndLoc().isMacroID();
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
