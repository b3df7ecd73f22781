//===--- Readiness.cpp - What the code made sure of before a call ---------===//
//
// A wait for a value returns at once when the code made the value ready
// first (awaited it, checked its status, took it from a combinator that
// gives ready values); an object's destructor does not block on a cleanup
// the coroutine already awaited.
//
//===----------------------------------------------------------------------===//

#include "Analysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace corolint {

namespace {

/// The variable an object expression stands for: `r`, and `results` for
/// `results[0]`, `std::get<0>(results)`, `any.results[any.index]`.
const ValueDecl *rootOf(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *B = dyn_cast<BindingDecl>(Ref->getDecl()))
        return B->getDecomposedDecl();
      return Ref->getDecl();
    }
    if (const auto *M = dyn_cast<MemberExpr>(E))
      E = M->getBase();
    else if (const auto *S = dyn_cast<ArraySubscriptExpr>(E))
      E = S->getBase();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
      E = Op->getOperator() == OO_Subscript || Op->getOperator() == OO_Arrow ||
                  Op->getOperator() == OO_Star
              ? Op->getArg(0)
              : nullptr;
    else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      E = MC->getImplicitObjectArgument(); // results.at(0), front()
    else if (const auto *Call = dyn_cast<CallExpr>(E))
      // std::get<0>(results), std::move(r)
      E = Call->getNumArgs() > 0 && Call->getDirectCallee() &&
                  Call->getDirectCallee()->isInStdNamespace()
              ? Call->getArg(0)
              : nullptr;
    else
      return nullptr;
  }
  return nullptr;
}

/// Whether E names the enumerator Name.
bool namesEnumerator(const Expr *E, llvm::StringRef Name) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreImplicit()->IgnoreParens());
  return !Name.empty() && Ref && isa<EnumConstantDecl>(Ref->getDecl()) &&
         qualifiedName(*Ref->getDecl()) == Name;
}

/// Finds, in a statement or condition, what makes Root's value ready: an
/// await of it (or of its resolve()), a probe of it compared to a ready
/// status (`r.status() == result_status::value`, also as two arguments of
/// one call: `assert_equal(r.status(), value)`), and in a condition, a
/// probe that answers by itself (`f.isReady()`).
class ReadinessFinder : public RecursiveASTVisitor<ReadinessFinder> {
public:
  /// Negated: finds what says the value is not ready instead (`r.status()
  /// != value`), for a guard that leaves.
  ReadinessFinder(const ValueDecl &Root, const Knowledge &K, bool Condition,
                  bool Negated = false)
      : Root(Root), K(K), Condition(Condition), Negated(Negated) {}
  bool Found = false;

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

  bool VisitCoawaitExpr(CoawaitExpr *E) {
    if (Negated)
      return true;
    const Expr *Operand = E->getOperand()->IgnoreImplicit();
    const auto *M = dyn_cast<CXXMemberCallExpr>(Operand);
    Found = rootOf(Operand) == &Root ||
            (M && K.makesReady(namesOf(*M)) &&
             rootOf(M->getImplicitObjectArgument()) == &Root);
    return !Found;
  }
  bool VisitBinaryOperator(BinaryOperator *E) {
    if (E->getOpcode() == BO_EQ || E->getOpcode() == BO_NE)
      compared({E->getLHS(), E->getRHS()},
               (E->getOpcode() == BO_EQ) != Negated);
    return !Found;
  }
  bool VisitCallExpr(CallExpr *E) {
    if (probes(E).empty()) {
      if (!Negated)
        compared(llvm::ArrayRef(E->getArgs(), E->getNumArgs()), true);
    } else if (Condition && !Negated) {
      for (const ReadinessProbe *P : probes(E))
        Found |= P->Ready.empty() && P->NotReady.empty();
    }
    return !Found;
  }

private:
  /// The probes E makes of Root.
  llvm::SmallVector<const ReadinessProbe *, 2> probes(const Expr *E) {
    const auto *M = dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit());
    if (!M || rootOf(M->getImplicitObjectArgument()) != &Root)
      return {};
    return K.readinessProbes(namesOf(*M));
  }
  /// Operands compared equal (or unequal): a probe and a status.
  void compared(llvm::ArrayRef<const Expr *> Operands, bool Equal) {
    for (const Expr *Probe : Operands)
      for (const ReadinessProbe *P : probes(Probe))
        for (const Expr *Value : Operands)
          Found |= namesEnumerator(Value, Equal ? P->Ready : P->NotReady);
  }

  const ValueDecl &Root;
  const Knowledge &K;
  const bool Condition, Negated;
};

/// Whether S cannot finish normally: it returns, throws, or leaves the loop.
bool leaves(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    S = Block->body_empty() ? nullptr : Block->body_back();
  if (const auto *E = dyn_cast_or_null<Expr>(S)) {
    E = E->IgnoreImplicit();
    if (isa<CXXThrowExpr>(E))
      return true;
    const auto *Call = dyn_cast<CallExpr>(E);
    return Call && Call->getDirectCallee() &&
           Call->getDirectCallee()->isNoReturn();
  }
  return isa_and_nonnull<ReturnStmt, CoreturnStmt, BreakStmt, ContinueStmt>(S);
}

bool establishesReady(const Stmt *S, const ValueDecl &Root, bool Condition,
                      const Knowledge &K) {
  if (!S)
    return false;
  ReadinessFinder Finder(Root, K, Condition);
  Finder.TraverseStmt(const_cast<Stmt *>(S));
  if (Finder.Found || Condition)
    return Finder.Found;
  // A guard: `if (r.status() != value) throw ...;`.
  const auto *If = dyn_cast<IfStmt>(S);
  if (!If || If->getElse() || !leaves(If->getThen()))
    return false;
  ReadinessFinder Guard(Root, K, true, /*Negated=*/true);
  Guard.TraverseStmt(const_cast<Expr *>(If->getCond()));
  return Guard.Found;
}

/// Whether E is `co_await f(...)`, f a combinator whose values are ready.
bool awaitsReadyValues(const Expr *E, const Knowledge &K) {
  const auto *Await =
      E ? dyn_cast<CoawaitExpr>(E->IgnoreImplicit()->IgnoreParens()) : nullptr;
  const auto *Call =
      Await ? dyn_cast<CallExpr>(Await->getOperand()->IgnoreImplicit())
            : nullptr;
  return Call && K.givesReadyValues(namesOf(*Call));
}

} // namespace

// The value is ready when the variable it comes from holds what an awaited
// combinator gave, or when, on every way to the wait, a statement before it
// (or the condition of the branch it is in) made it so.
bool Analysis::readyAt(const CXXMemberCallExpr &Wait, const FunctionDecl &In) {
  const ValueDecl *Root = rootOf(Wait.getImplicitObjectArgument());
  if (!Root)
    return false;
  if (const auto *Var = dyn_cast<VarDecl>(Root);
      Var && awaitsReadyValues(Var->getInit(), Opts->knowledge()))
    return true;
  return readyBefore(Wait, *Root, In, /*Depth=*/0);
}

bool Analysis::readyBefore(const Stmt &At, const ValueDecl &Root,
                           const FunctionDecl &In, unsigned Depth) {
  ParentMap &Parents = parents(In);
  const Stmt *Child = &At;
  for (const Stmt *Parent = Parents.getParent(Child); Parent;
       Child = Parent, Parent = Parents.getParent(Parent)) {
    if (isa<LambdaExpr>(Parent))
      return false;
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent)) {
      for (const Stmt *Before : Block->body()) {
        if (Before == Child)
          break;
        if (establishesReady(Before, Root, false, Opts->knowledge()))
          return true;
      }
    } else if (const auto *If = dyn_cast<IfStmt>(Parent)) {
      if (If->getThen() == Child &&
          establishesReady(If->getCond(), Root, true, Opts->knowledge()))
        return true;
    } else if (const auto *Choice = dyn_cast<ConditionalOperator>(Parent)) {
      if (Choice->getTrueExpr() == Child &&
          establishesReady(Choice->getCond(), Root, true, Opts->knowledge()))
        return true;
    }
  }
  // A lambda's capture of a variable of the function that made it is ready
  // if it was ready where the lambda was made (a ready value stays ready):
  // `assert_throws([&r] { r.get(); })` after a status check of r.
  const auto *Method = dyn_cast<CXXMethodDecl>(&In);
  if (!Method || !isLambdaCallOperator(Method) || Depth >= 8 ||
      Root.getDeclContext() == &In)
    return false;
  const auto *Outer =
      dyn_cast_or_null<FunctionDecl>(Method->getParent()->getDeclContext());
  if (!Outer || !Outer->hasBody() || !Root.getDeclContext()->Encloses(Outer))
    return false;
  struct Finder : RecursiveASTVisitor<Finder> {
    const CXXRecordDecl *Closure = nullptr;
    const LambdaExpr *Found = nullptr;
    bool VisitLambdaExpr(LambdaExpr *L) {
      if (L->getLambdaClass() == Closure)
        Found = L;
      return !Found;
    }
  } F;
  F.Closure = Method->getParent();
  F.TraverseStmt(Outer->getBody());
  return F.Found && readyBefore(*F.Found, Root, *Outer, Depth + 1);
}

// An object whose cleanup the coroutine already did: its destructor calls
// again, on `this`, a member the coroutine called on it (unconditionally,
// in the block that declares it), as `~client() { if (!closed)
// sync_wait(close()); }` after `co_await c.close()`. The destructor's
// blocking way is the fallback that does not run.
bool Analysis::cleanedUp(const Call &Dtor, const AsyncContext &Coro) {
  const VarDecl *Var = Dtor.Site.Destroyed;
  const FunctionDecl *Def = nullptr;
  if (!Var || !Dtor.Site.Callee || !Dtor.Site.Callee->hasBody(Def) || !Def ||
      !Dtor.Site.Anchor)
    return false;
  llvm::SmallPtrSet<const Decl *, 4> OnThis;
  for (const Call &C : callsOf(*Def))
    if (const auto *M = dyn_cast_or_null<CXXMemberCallExpr>(C.Site.Call))
      if (M->getMethodDecl() &&
          isa<CXXThisExpr>(
              M->getImplicitObjectArgument()->IgnoreParenImpCasts()))
        OnThis.insert(M->getMethodDecl()->getCanonicalDecl());
  if (OnThis.empty())
    return false;
  ParentMap &Parents = parents(*Coro.Func);
  const Stmt *Block = Parents.getParent(Dtor.Site.Anchor);
  if (!isa_and_nonnull<CompoundStmt>(Block))
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Call &C : callsOf(*Coro.Func)) {
    const auto *M = dyn_cast_or_null<CXXMemberCallExpr>(C.Site.Call);
    if (!M || !M->getMethodDecl() ||
        !OnThis.contains(M->getMethodDecl()->getCanonicalDecl()) ||
        rootOf(M->getImplicitObjectArgument()) != Var ||
        !SM.isBeforeInTranslationUnit(Dtor.Site.Anchor->getBeginLoc(),
                                      M->getBeginLoc()))
      continue;
    // Unconditionally: nothing but expressions between it and the block.
    const Stmt *S = M;
    while (S && S != Block &&
           !isa<IfStmt, ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt,
                ConditionalOperator, LambdaExpr>(S) &&
           !(isa<BinaryOperator>(S) && cast<BinaryOperator>(S)->isLogicalOp()))
      S = Parents.getParent(S);
    if (S == Block)
      return true;
  }
  return false;
}

} // namespace corolint
