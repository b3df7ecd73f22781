//===--- SyncCallsAsyncCheck.cpp - coro-sync-calls-async ------------------===//

#include "SyncCallsAsyncCheck.h"
#include "AwaitRewrite.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace corolint {

namespace {

/// The return statements of a function's own body.
class ReturnFinder : public RecursiveASTVisitor<ReturnFinder> {
public:
  std::vector<const ReturnStmt *> Returns;
  bool VisitReturnStmt(ReturnStmt *S) {
    Returns.push_back(S);
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseDecl(Decl *D) {
    return isa_and_nonnull<VarDecl>(D)
               ? RecursiveASTVisitor<ReturnFinder>::TraverseDecl(D)
               : true;
  }
};

/// The source text of Range, or nothing when it is not plain file text.
std::optional<std::string> textOf(SourceRange Range, const ASTContext &Ctx) {
  CharSourceRange Chars = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Range), Ctx.getSourceManager(),
      Ctx.getLangOpts());
  if (Chars.isInvalid())
    return std::nullopt;
  return Lexer::getSourceText(Chars, Ctx.getSourceManager(), Ctx.getLangOpts())
      .str();
}

/// The edits that make B a coroutine of Coro's framework and await it at
/// every call ("async all the way up"), or why there are none.
struct Rewrite {
  std::vector<FixItHint> Fixes;
  std::string WhyNot;
};

Rewrite makeAsync(const Chain &C, const AsyncContext &Coro,
                  const FunctionDecl &B, Analysis &A, ASTContext &Ctx) {
  Rewrite R;
  auto Fail = [&](std::string Why) {
    R.Fixes.clear();
    R.WhyNot = std::move(Why);
    return R;
  };
  const FrameworkInfo *FW = frameworkInfo(Coro.framework());
  if (!FW || FW->TaskTemplate.empty())
    return Fail("corolint knows no task type for this coroutine's framework");
  if (C.Hops.size() != 1)
    return Fail(displayName(B) + " reaches it through " +
                displayName(*C.Hops.front()->Site.Callee));
  const auto *Method = dyn_cast<CXXMethodDecl>(&B);
  if (Method && Method->isVirtual())
    return Fail(displayName(B) + " is virtual");
  if (isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(B) ||
      B.isOverloadedOperator() || B.isMain() || isLambdaCallOperator(&B))
    return Fail(displayName(B) +
                " is a constructor, destructor, operator, lambda or main");
  if (B.isTemplated() || B.getTemplateInstantiationPattern())
    return Fail(displayName(B) + " is a template");
  if (B.isConstexpr() || B.isVariadic() ||
      B.getReturnType()->getContainedDeducedType())
    return Fail(displayName(B) + " cannot be a coroutine as it is declared");
  if (!Coro.FixIts)
    return Fail("this coroutine takes no fix-its");

  // Every declaration of B is rewritten, so all must be in the main file.
  const SourceManager &SM = Ctx.getSourceManager();
  std::optional<std::string> OldType =
      textOf(B.getReturnTypeSourceRange(), Ctx);
  if (!OldType)
    return Fail("its return type is not plain text");
  for (const FunctionDecl *D : B.redecls()) {
    SourceRange Type = D->getReturnTypeSourceRange();
    if (!SM.isInMainFile(D->getLocation()) || Type.isInvalid() ||
        Type.getBegin().isMacroID() || Type.getEnd().isMacroID())
      return Fail(displayName(B) + " is declared outside the main file or "
                                   "in a macro");
    R.Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Type),
        substitute(FW->TaskTemplate, *OldType)));
  }

  // Its nested runs become awaits; each must keep its value.
  bool Failed = false;
  forEachOwnCall(B, Ctx, [&](const OwnCall &Call) {
    std::optional<Primitive> P = A.classify(Call);
    if (Failed || !P || P->Kind != BlockKind::NestedRun)
      return;
    std::optional<FixItHint> Await;
    if (P->Run->Id == FW->Id)
      Await = runToAwait(Call, *P->Run, Ctx);
    if (!Await) {
      Failed = true;
      return;
    }
    R.Fixes.push_back(*Await);
  });
  if (Failed)
    return Fail("'" + C.End->Name + "' has no rewrite to 'co_await' here");

  ReturnFinder Returns;
  Returns.TraverseStmt(B.getBody());
  for (const ReturnStmt *Ret : Returns.Returns) {
    if (Ret->getReturnLoc().isMacroID())
      return Fail("a return statement is in a macro");
    R.Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Ret->getReturnLoc()), "co_return"));
  }

  // Every use of B is a call that can be awaited, in a coroutine of the same
  // framework that takes fix-its.
  llvm::ArrayRef<Analysis::Reference> Uses = A.referencesTo(B);
  llvm::SmallPtrSet<const FunctionDecl *, 4> Callers;
  for (const Analysis::Reference &Use : Uses) {
    std::optional<AsyncContext> Caller =
        Use.Enclosing ? asyncContextOf(*Use.Enclosing) : std::nullopt;
    if (!Caller || Caller->framework() != FW->Id || !Caller->FixIts)
      return Fail(displayName(B) + " is used outside " + FW->Name.str() +
                  " coroutines");
    Callers.insert(Use.Enclosing);
  }
  size_t Awaited = 0;
  for (const FunctionDecl *Caller : Callers) {
    std::optional<AsyncContext> Ctx2 = asyncContextOf(*Caller);
    forEachOwnCall(
        *Ctx2, Ctx, [](const Expr &) { return false; },
        [&](const OwnCall &Call) {
          if (!Call.Callee ||
              Call.Callee->getCanonicalDecl() != B.getCanonicalDecl() ||
              !awaitableAt(Call))
            return;
          std::optional<std::string> Text = spelledText(*Call.Call, Ctx);
          if (!Text)
            return;
          ++Awaited;
          R.Fixes.push_back(
              replaceCallByAwait(*Call.Call, "co_await " + *Text, Ctx));
        });
  }
  if (Awaited != Uses.size())
    return Fail("not every use of " + displayName(B) +
                " is a call that can be awaited");
  return R;
}

} // namespace

void SyncCallsAsyncCheck::onEndOfTranslationUnit() {
  Offered.clear();
  CoroutineCallCheck::onEndOfTranslationUnit();
}

void SyncCallsAsyncCheck::noteChainAdvice(const OwnCall &Call, const Chain &C,
                                          const AsyncContext &Coro,
                                          const FunctionDecl &Callee,
                                          Analysis &A, ASTContext &Ctx) {
  constexpr llvm::StringLiteral Advice =
      "make %0 a coroutine and 'co_await' it: async all the way up";
  const FunctionDecl *Key = Callee.getCanonicalDecl();
  if (Offered.count(Key)) {
    noteAt(Call, (Advice + "; the fix-it at its first call rewrites this "
                           "call too")
                     .str())
        << displayName(Callee);
    return;
  }
  Rewrite R = makeAsync(C, Coro, Callee, A, Ctx);
  if (R.Fixes.empty()) {
    noteAt(Call, (Advice + "; no fix-it: %1").str())
        << displayName(Callee) << R.WhyNot;
    return;
  }
  Offered.insert(Key);
  DiagnosticBuilder D = noteAt(Call, Advice) << displayName(Callee);
  for (const FixItHint &Fix : R.Fixes)
    D << Fix;
}

} // namespace corolint
