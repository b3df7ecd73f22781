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

/// Locks whose holder must not suspend.
constexpr llvm::StringLiteral LockDestructors[] = {
    "std::lock_guard::~lock_guard", "std::unique_lock::~unique_lock",
    "std::scoped_lock::~scoped_lock", "std::shared_lock::~shared_lock"};

/// Whether some of Fixes edit overlapping text.
bool overlap(std::vector<FixItHint> Fixes, const SourceManager &SM) {
  llvm::sort(Fixes, [&](const FixItHint &L, const FixItHint &R) {
    return SM.isBeforeInTranslationUnit(L.RemoveRange.getBegin(),
                                        R.RemoveRange.getBegin());
  });
  for (size_t I = 1; I < Fixes.size(); ++I)
    if (!SM.isBeforeInTranslationUnit(Fixes[I - 1].RemoveRange.getEnd(),
                                      Fixes[I].RemoveRange.getBegin()))
      return true;
  return false;
}

SyncCallsAsyncCheck::Rewrite makeAsync(const Chain &C, const AsyncContext &Coro,
                  const FunctionDecl &B, Analysis &A, ASTContext &Ctx) {
  SyncCallsAsyncCheck::Rewrite R;
  auto Fail = [&](std::string Why) {
    R.Fixes.clear();
    R.WhyNot = std::move(Why);
    return R;
  };
  const std::string Name = displayName(B);
  const FrameworkInfo *FW = frameworkInfo(Coro.framework());
  if (!FW || FW->TaskTemplate.empty())
    return Fail("corolint knows no task type for this coroutine's framework");
  if (C.Hops.size() != 1)
    return Fail(Name + " reaches it through " +
                displayName(*C.Hops.front()->Site.Callee));
  const auto *Method = dyn_cast<CXXMethodDecl>(&B);
  if (Method && Method->isVirtual())
    return Fail(Name + " is virtual");
  if (isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(B) ||
      B.isOverloadedOperator() || B.isMain() || isLambdaCallOperator(&B))
    return Fail(Name + " is a constructor, destructor, operator, lambda or "
                       "main");
  if (B.isTemplated() || B.getTemplateInstantiationPattern())
    return Fail(Name + " is a template");
  if (B.isConstexpr() || B.isVariadic() ||
      B.getReturnType()->getContainedDeducedType())
    return Fail(Name + " cannot be a coroutine as it is declared");
  if (!Coro.FixIts)
    return Fail("this coroutine takes no fix-its");

  // The task template must mean the framework's from where B is declared.
  llvm::StringRef Outer = FW->TaskTemplate.split("::").first;
  for (const DeclContext *DC = B.getDeclContext();
       DC && !isa<TranslationUnitDecl>(DC); DC = DC->getParent())
    if (!DC->lookup(&Ctx.Idents.get(Outer)).empty())
      return Fail("'" + Outer.str() + "' means something else where " + Name +
                  " is declared");

  // Every declaration of B is rewritten, so all must be in the main file,
  // each declaring B alone; each keeps its own spelling of the type.
  const SourceManager &SM = Ctx.getSourceManager();
  for (const FunctionDecl *D : B.redecls()) {
    SourceRange Type = D->getReturnTypeSourceRange();
    std::optional<std::string> Old =
        Type.isValid() ? textOf(Type, Ctx) : std::nullopt;
    if (!SM.isInMainFile(D->getLocation()) || !Old ||
        Type.getBegin().isMacroID() || Type.getEnd().isMacroID())
      return Fail(Name + " is declared outside the main file or in a macro");
    for (const Decl *Sibling : D->getLexicalDeclContext()->decls())
      if (Sibling != D && Sibling->getBeginLoc() == D->getBeginLoc())
        return Fail(Name + " is declared together with another name");
    R.Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Type),
        substitute(FW->TaskTemplate, *Old)));
  }

  // Its nested runs become awaits; each must keep its value, and no lock
  // may be held where B would now suspend.
  std::string Why;
  forEachOwnCall(B, Ctx, [&](const OwnCall &Call) {
    if (!Why.empty())
      return;
    if (!Call.Names.empty() && llvm::is_contained(LockDestructors,
                                                  Call.Names.back())) {
      Why = Name + " holds a lock where it would suspend";
      return;
    }
    std::optional<Primitive> P = A.classify(Call);
    if (!P || P->Kind != BlockKind::NestedRun)
      return;
    std::optional<FixItHint> Await;
    if (P->Run->Id == FW->Id)
      Await = runToAwait(Call, *P->Run, Ctx);
    if (!Await)
      Why = "'" + P->Name + "' has no rewrite to 'co_await' here";
    else
      R.Fixes.push_back(*Await);
  });
  if (!Why.empty())
    return Fail(Why);

  ReturnFinder Returns;
  Returns.TraverseStmt(B.getBody());
  for (const ReturnStmt *Ret : Returns.Returns) {
    if (Ret->getReturnLoc().isMacroID())
      return Fail("a return statement is in a macro");
    // co_return {...} cannot deduce a templated return_value's parameter.
    const Expr *Value =
        Ret->getRetValue() ? Ret->getRetValue()->IgnoreImplicit() : nullptr;
    const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Value);
    if (isa_and_nonnull<InitListExpr>(Value) ||
        (Construct && Construct->isListInitialization()))
      return Fail(Name + " returns a braced list");
    R.Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Ret->getReturnLoc()), "co_return"));
  }

  // Every use of B, written or implicit, is a call that can be awaited, in a
  // coroutine of the same framework that takes fix-its, and whose result
  // is not bound to a reference.
  llvm::ArrayRef<Analysis::Reference> Uses = A.referencesTo(B);
  llvm::SmallPtrSet<const FunctionDecl *, 4> Callers;
  for (const Analysis::Reference &Use : Uses) {
    std::optional<AsyncContext> Caller =
        Use.Enclosing ? asyncContextOf(*Use.Enclosing) : std::nullopt;
    if (!Caller || Caller->framework() != FW->Id || !Caller->FixIts)
      return Fail(Name + " is used outside " + FW->Name.str() + " coroutines");
    Callers.insert(Use.Enclosing);
  }
  size_t Calls = 0;
  for (const FunctionDecl *Caller : Callers) {
    std::optional<AsyncContext> CallerCoro = asyncContextOf(*Caller);
    forEachOwnCall(
        *CallerCoro, Ctx, [](const Expr &) { return false; },
        [&](const OwnCall &Call) {
          if (!Why.empty() || !Call.Callee ||
              Call.Callee->getCanonicalDecl() != B.getCanonicalDecl())
            return;
          ++Calls;
          std::optional<std::string> Text =
              awaitableAt(Call) ? spelledText(*Call.Call, Ctx) : std::nullopt;
          if (!Text)
            Why = "a call of " + Name + " cannot be awaited where it is";
          else if (bindsReference(*Call.Call, Ctx))
            Why = "a call of " + Name + " binds its result to a reference";
          else
            R.Fixes.push_back(
                replaceCallByAwait(*Call.Call, "co_await " + *Text, Ctx));
        });
  }
  if (!Why.empty())
    return Fail(Why);
  if (Calls != Uses.size())
    return Fail("not every use of " + Name + " is a call");
  if (overlap(R.Fixes, SM))
    return Fail("its rewrites would overlap");
  return R;
}

} // namespace

void SyncCallsAsyncCheck::onEndOfTranslationUnit() {
  Rewrites.clear();
  CoroutineCallCheck::onEndOfTranslationUnit();
}

void SyncCallsAsyncCheck::noteChainAdvice(const OwnCall &Call, const Chain &C,
                                          const AsyncContext &Coro,
                                          const FunctionDecl &Callee,
                                          Analysis &A, ASTContext &Ctx) {
  const std::string Name = displayName(Callee);
  const FunctionDecl *Key = Callee.getCanonicalDecl();
  auto [It, First] = Rewrites.try_emplace(Key);
  if (First)
    It->second = makeAsync(C, Coro, Callee, A, Ctx);
  const Rewrite &R = It->second;
  if (R.Fixes.empty()) {
    noteAt(Call, "%0") << asyncAdvice(Name, "no fix-it: " + R.WhyNot);
    return;
  }
  if (!First) {
    noteAt(Call, "%0") << asyncAdvice(
        Name, "the fix-it at its first call rewrites this call too");
    return;
  }
  DiagnosticBuilder D = noteAt(Call, "%0") << asyncAdvice(Name, "");
  for (const FixItHint &Fix : R.Fixes)
    D << Fix;
}

std::string asyncAdvice(llvm::StringRef Callee, llvm::StringRef Then) {
  std::string Advice =
      ("make " + Callee + " a coroutine and 'co_await' it: async all the way up")
          .str();
  return Then.empty() ? Advice : Advice + "; " + Then.str();
}

} // namespace corolint
