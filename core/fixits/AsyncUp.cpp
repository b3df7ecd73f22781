//===--- AsyncUp.cpp - Async all the way up -------------------------------===//
//
// A plain function that a coroutine calls and that runs a coroutine to
// completion becomes a coroutine of the caller's framework, awaited at
// every call: its return type becomes the framework's task of it, its
// nested runs `co_await`, its returns `co_return`, and each call
// `co_await`. Within one file, where every declaration and use is seen.
//
//===----------------------------------------------------------------------===//

#include "AwaitText.h"
#include "Place.h"
#include "Rewrites.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

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

/// The source range of D's return type as the rewrite replaces it: with the
/// cv-qualifiers written before it (`const char *`), or after `->` for a
/// trailing return type; invalid when it is not plain text that can be.
SourceRange returnTypeRange(const FunctionDecl &D, const ASTContext &Ctx) {
  FunctionTypeLoc FTL = D.getFunctionTypeLoc();
  if (!FTL)
    return {};
  SourceRange Range = FTL.getReturnLoc().getSourceRange();
  const auto *Proto = D.getType()->getAs<FunctionProtoType>();
  if (Range.isInvalid() || (Proto && Proto->hasTrailingReturn()))
    return Range;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Start = D.getBeginLoc();
  if (Start.isMacroID() || Range.getBegin().isMacroID())
    return {};
  // The tokens before the type: the last run of const and volatile is the
  // type's; one anywhere else would be left behind by the rewrite.
  auto [File, Offset] = SM.getDecomposedLoc(Start);
  llvm::StringRef Buffer = SM.getBufferData(File);
  Lexer Raw(SM.getLocForStartOfFile(File), Ctx.getLangOpts(), Buffer.begin(),
            Buffer.begin() + Offset, Buffer.end());
  SourceLocation RunStart;
  Token Tok;
  while (!Raw.LexFromRawLexer(Tok) &&
         SM.isBeforeInTranslationUnit(Tok.getLocation(), Range.getBegin())) {
    bool Qualifier =
        Tok.is(tok::raw_identifier) && (Tok.getRawIdentifier() == "const" ||
                                        Tok.getRawIdentifier() == "volatile");
    if (!Qualifier) {
      if (RunStart.isValid())
        return {};
      continue;
    }
    if (RunStart.isInvalid())
      RunStart = Tok.getLocation();
  }
  if (RunStart.isValid())
    Range.setBegin(RunStart);
  return Range;
}

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

} // namespace

namespace {

/// The rewrite of one function B, in steps; each step adds its edits, or
/// says why there can be none.
class AsyncUp {
public:
  /// Task: the task type B returns, %0 its old return type; Kind: how
  /// messages name the coroutines B may be awaited in.
  AsyncUp(const AsyncContext &Coro, const FunctionDecl &B, UnitIndex &U,
          llvm::StringRef Task, llvm::StringRef Kind)
      : Coro(Coro), B(B), U(U), Task(Task), Kind(Kind), Ctx(U.context()),
        SM(Ctx.getSourceManager()) {}

  /// Why B cannot become a coroutine of the framework as it is.
  std::optional<std::pair<NoRewrite, std::string>> unfit() const {
    if (isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(B) ||
        B.isOverloadedOperator() || B.isMain() || isLambdaCallOperator(&B))
      return {{NoRewrite::SpecialFunction, ""}};
    if (B.isTemplated() || B.getTemplateInstantiationPattern())
      return {{NoRewrite::Template, ""}};
    if (B.isConstexpr() || B.isVariadic() ||
        B.getReturnType()->getContainedDeducedType())
      return {{NoRewrite::CannotBeCoroutine, ""}};
    if (!Coro.FixIts)
      return {{NoRewrite::NoFixIts, ""}};
    // A const or volatile value cannot be a task's: `const task<T>` may not
    // be awaited.
    if (B.getReturnType().hasLocalQualifiers())
      return {{NoRewrite::QualifiedReturn, ""}};
    // The task template must mean the framework's from where B is declared.
    llvm::StringRef Outer = Task.split("::").first;
    for (const FunctionDecl *D : B.redecls())
      if (hiddenAt(Outer, *D->getDeclContext(), Ctx))
        return {{NoRewrite::TaskNameHidden, Outer.str()}};
    return std::nullopt;
  }

  /// Every declaration of B returns the task of its old type. All must be
  /// in the main file, each declaring B alone; each keeps its own spelling
  /// of the type.
  std::optional<NoRewrite> declarations() {
    for (const FunctionDecl *D : B.redecls()) {
      SourceRange Type = returnTypeRange(*D, Ctx);
      std::optional<std::string> Old =
          Type.isValid() ? textOf(Type, Ctx) : std::nullopt;
      if (!SM.isInMainFile(D->getLocation()) || !Old ||
          Type.getBegin().isMacroID() || Type.getEnd().isMacroID())
        return NoRewrite::DeclaredElsewhere;
      for (const Decl *Sibling : D->getLexicalDeclContext()->decls())
        if (Sibling != D && Sibling->getBeginLoc() == D->getBeginLoc())
          return NoRewrite::DeclaredTogether;
      // `char *name()` has no space before the name; `task<char *> name()`
      // needs one.
      SourceLocation After =
          Lexer::getLocForEndOfToken(Type.getEnd(), 0, SM, Ctx.getLangOpts());
      const char *Next = SM.getCharacterData(After);
      bool Joined = Next && (llvm::isAlnum(*Next) || *Next == '_');
      Fixes.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Type),
          substitute(Task, *Old) + (Joined ? " " : "")));
    }
    return std::nullopt;
  }

  /// B's nested runs become awaits, each keeping its value, with no lock
  /// held where B would now suspend; its returns become co_return.
  std::optional<std::pair<NoRewrite, std::string>> body() {
    for (const ClassifiedCall &Call : U.callsOf(B)) {
      const FunctionDecl *Callee = Call.Site.Callee;
      if (isa_and_nonnull<CXXDestructorDecl>(Callee) &&
          U.knowledge().lockGuardDestructor(qualifiedName(*Callee)))
        return {{NoRewrite::HoldsLock, ""}};
      if (Call.What != ClassifiedCall::Class::Blocking ||
          Call.Blocks.Kind != BlockKind::NestedRun)
        continue;
      llvm::StringRef Name = U.pool()[Call.Blocks.Name];
      std::optional<RunEntryPoint> Entry = U.runEntry(Name, Call.Site, Coro);
      std::optional<FixItHint> Await;
      if (Entry && Entry->Id == Coro.framework())
        Await = runToAwait(Call.Site, *Entry, B, Ctx);
      if (!Await)
        return {{NoRewrite::NoAwaitRewrite, Name.str()}};
      Fixes.push_back(*Await);
    }
    ReturnFinder Returns;
    Returns.TraverseStmt(B.getBody());
    for (const ReturnStmt *Ret : Returns.Returns) {
      if (Ret->getReturnLoc().isMacroID())
        return {{NoRewrite::ReturnInMacro, ""}};
      // co_return {...} cannot deduce a templated return_value's parameter.
      const Expr *Value =
          Ret->getRetValue() ? Ret->getRetValue()->IgnoreImplicit() : nullptr;
      const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Value);
      if (isa_and_nonnull<InitListExpr>(Value) ||
          (Construct && Construct->isListInitialization()))
        return {{NoRewrite::ReturnsBracedList, ""}};
      Fixes.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Ret->getReturnLoc()), "co_return"));
    }
    return std::nullopt;
  }

  /// Every use of B, written or implicit, is a call that can be awaited, in
  /// a coroutine of the same framework that takes fix-its, and whose result
  /// is not bound to a reference: each becomes `co_await`.
  std::optional<std::pair<NoRewrite, std::string>> callers() {
    llvm::ArrayRef<Reference> Uses = U.referencesTo(B);
    llvm::SmallPtrSet<const FunctionDecl *, 4> Callers;
    for (const Reference &Use : Uses) {
      const std::optional<AsyncContext> *Caller =
          Use.Enclosing ? &U.contextOf(*Use.Enclosing) : nullptr;
      if (!Caller || !*Caller || !sameKind(**Caller) || !(*Caller)->FixIts)
        return {{NoRewrite::UsedOutside, Kind.str()}};
      Callers.insert(Use.Enclosing);
    }
    size_t Calls = 0;
    for (const FunctionDecl *Caller : Callers)
      for (const ClassifiedCall &Call : U.callsOf(*Caller)) {
        const OwnCall &Site = Call.Site;
        if (!Site.Callee ||
            Site.Callee->getCanonicalDecl() != B.getCanonicalDecl())
          continue;
        ++Calls;
        std::optional<std::string> Text =
            awaitableAt(Site) ? spelledText(*Site.Call, Ctx) : std::nullopt;
        if (!Text)
          return {{NoRewrite::CallNotAwaitable, ""}};
        if (bindsReference(*Site.Call, Ctx))
          return {{NoRewrite::BindsReference, ""}};
        Fixes.push_back(
            replaceCallByAwait(*Site.Call, "co_await " + *Text, Ctx));
      }
    if (Calls != Uses.size())
      return {{NoRewrite::NotOnlyCalls, ""}};
    return std::nullopt;
  }

  /// The edits, unless some overlap.
  AsyncRewrite result() const {
    if (overlap(Fixes, SM))
      return {NoRewrite::Overlap, NoStr, {}};
    AsyncRewrite R;
    for (const FixItHint &Fix : Fixes)
      R.Fixes.push_back(U.places().edit(Fix.RemoveRange, Fix.CodeToInsert));
    return R;
  }

private:
  /// Whether Caller is a coroutine B may be awaited in: of Coro's
  /// framework, or for an in-house task type, of Coro's task type.
  bool sameKind(const AsyncContext &Caller) const {
    if (Coro.framework() != Framework::Unknown)
      return Caller.framework() == Coro.framework();
    return Caller.Task && Caller.Task == Coro.Task;
  }

  const AsyncContext &Coro;
  const FunctionDecl &B;
  UnitIndex &U;
  llvm::StringRef Task, Kind;
  ASTContext &Ctx;
  const SourceManager &SM;
  std::vector<FixItHint> Fixes;
};

} // namespace

AsyncRewrite asyncAllTheWayUp(const Chain &C, const AsyncContext &Coro,
                              const FunctionDecl &B, UnitIndex &U) {
  StringPool &S = U.pool();
  auto Fail = [&](NoRewrite Why, llvm::StringRef Arg = "") {
    return AsyncRewrite{Why, Arg.empty() ? NoStr : S.intern(Arg), {}};
  };
  // An in-house task type's own task, else its framework's.
  const FrameworkInfo *FW = U.knowledge().framework(Coro.framework());
  llvm::StringRef Task = Coro.Task ? Coro.Task->TaskTemplate : "";
  if (Task.empty() && FW)
    Task = FW->TaskTemplate;
  if (Task.empty())
    return Fail(NoRewrite::UnknownTaskType);
  // A virtual call may run any override: they would all change together.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&B);
      Method && Method->isVirtual())
    return Fail(NoRewrite::Virtual);
  if (C.Hops.size() != 1)
    return {NoRewrite::ReachesThrough, C.Hops.front().Callee, {}};
  AsyncUp Up(Coro, B, U, Task,
             FW ? FW->Name : llvm::StringRef(Coro.Task->QualifiedName));
  if (auto Why = Up.unfit())
    return Fail(Why->first, Why->second);
  if (std::optional<NoRewrite> Why = Up.declarations())
    return Fail(*Why);
  if (auto Why = Up.body())
    return Fail(Why->first, Why->second);
  if (auto Why = Up.callers())
    return Fail(Why->first, Why->second);
  return Up.result();
}

} // namespace corolint
