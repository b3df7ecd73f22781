//===--- AsyncUp.cpp - Async all the way up -------------------------------===//
//
// A plain function that a coroutine calls and that reaches a blocking call
// becomes a coroutine of the caller's framework, awaited at every call, and
// so do the functions between it and the blocking call and the plain
// callers coroutines reach: each return type becomes the framework's task
// of it, each blocking call its awaited form, each return `co_return`, each
// call `co_await`; a root (a plain caller no coroutine reaches) runs the
// task to completion. Within one file, where every declaration and use is
// seen.
//
//===----------------------------------------------------------------------===//

#include "AwaitText.h"
#include "Place.h"
#include "Rewrites.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
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

/// Sorts Fixes by where they start; whether some edit overlapping text.
bool sortOverlap(std::vector<FixItHint> &Fixes, const SourceManager &SM) {
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

/// Whether Use, a function's name, is what a call calls.
bool isCallee(const Expr &Use, ASTContext &Ctx) {
  const Expr *E = &Use;
  for (;;) {
    DynTypedNodeList Parents = Ctx.getParents(*E);
    const auto *Parent = Parents.empty() ? nullptr : Parents[0].get<Expr>();
    if (!isa_and_nonnull<ImplicitCastExpr, ParenExpr>(Parent)) {
      const auto *Call = dyn_cast_or_null<CallExpr>(Parent);
      return Call && Call->getCallee()->IgnoreParenImpCasts() == &Use;
    }
    E = Parent;
  }
}

} // namespace

namespace {

using Why = std::pair<NoRewrite, std::string>;

/// The rewrite, in steps: the functions of a chain's path become members,
/// and so do the plain functions that call a member and are reached from
/// coroutines; each member becomes a coroutine of the framework, awaited
/// wherever it is called, except in the roots (plain callers no coroutine
/// reaches), which run it to completion. Each step adds its edits, or says
/// why there can be none, and which member that is about.
class AsyncUp {
public:
  /// Task: the task type members return, %0 their old return type; Kind:
  /// how messages name the coroutines members may be awaited in; Entry:
  /// how a root runs a member to completion, if the framework has a way.
  AsyncUp(const AsyncContext &Coro, UnitIndex &U, const FixOptions &Fix,
          llvm::StringRef Task, llvm::StringRef Kind,
          const RunEntryPoint *Entry)
      : Coro(Coro), U(U), Fix(Fix), Task(Task), Kind(Kind), Entry(Entry),
        Ctx(U.context()), SM(Ctx.getSourceManager()) {}

  /// B and the functions C's hops pass through, down to the one that makes
  /// the blocking call itself.
  std::optional<Why> path(const Chain &C, const FunctionDecl &B) {
    End = &C.Hops.back();
    add(B);
    const FunctionDecl *At = &B;
    for (const Hop &H : llvm::ArrayRef(C.Hops).drop_back()) {
      const ClassifiedCall *Next = nullptr;
      for (const ClassifiedCall &Call : U.callsOf(*At))
        if ((H.Implicit ? Call.Site.ImplicitAt : Call.Site.Loc) == H.At.Loc)
          Next = &Call;
      if (Next && Next->What == ClassifiedCall::Class::Virtual)
        return about(*Next->Target, {NoRewrite::Virtual, ""});
      if (!Next || Next->What != ClassifiedCall::Class::Followed)
        return about(*At,
                     {NoRewrite::ReachesThrough, U.pool()[H.Callee].str()});
      At = Next->Target;
      add(*At);
    }
    return std::nullopt;
  }

  /// Every member's uses: calls in coroutines of the framework are awaited;
  /// a plain caller that coroutines reach joins the members; one they do
  /// not reach is a root, which runs the member to completion.
  std::optional<Why> callers() {
    for (size_t I = 0; I < Members.size(); ++I) {
      const FunctionDecl &M = *Members[I];
      llvm::ArrayRef<Reference> Uses = U.referencesTo(M);
      llvm::SmallPtrSet<const FunctionDecl *, 4> Callers;
      for (const Reference &Use : Uses) {
        const FunctionDecl *E = Use.Enclosing;
        if (!isCallee(*Use.Use, Ctx))
          return about(M, {NoRewrite::NotCalled, ""});
        if (!E)
          return about(M, {NoRewrite::UsedOutside, Kind.str()});
        const std::optional<AsyncContext> &Caller = U.contextOf(*E);
        bool Plain = !isa_and_nonnull<CoroutineBodyStmt>(E->getBody());
        // A template's instances may run anywhere.
        if (Caller ? !sameKind(*Caller) || !Caller->FixIts
                   : !Plain || E->isDependentContext())
          return about(M, {NoRewrite::UsedOutside, Kind.str()});
        if (Plain && U.reachedFromCoroutine(*E))
          add(*E);
        Callers.insert(E);
      }
      size_t Calls = 0;
      for (const FunctionDecl *Caller : Callers)
        for (const ClassifiedCall &Call : U.callsOf(*Caller)) {
          if (!Call.Site.Callee ||
              Call.Site.Callee->getCanonicalDecl() != M.getCanonicalDecl())
            continue;
          ++Calls;
          if (std::optional<Why> Not = awaitOrRun(Call.Site, *Caller))
            return about(M, *Not);
        }
      if (Calls != Uses.size())
        return about(M, {NoRewrite::NotOnlyCalls, ""});
    }
    return std::nullopt;
  }

  /// Each member, as it is declared and defined, can become a coroutine.
  std::optional<Why> eachFits() {
    for (const FunctionDecl *M : Members) {
      if (std::optional<Why> Not = unfit(*M))
        return about(*M, *Not);
      if (std::optional<NoRewrite> Not = declarations(*M))
        return about(*M, {*Not, ""});
      if (std::optional<Why> Not = body(*M))
        return about(*M, *Not);
    }
    return std::nullopt;
  }

  llvm::ArrayRef<const FunctionDecl *> members() const { return Members; }

  /// The edits in the order of the text, unless some overlap.
  AsyncRewrite result() {
    if (sortOverlap(Fixes, SM))
      return {NoRewrite::Overlap, NoStr, {}};
    AsyncRewrite R;
    for (const FixItHint &Fix : Fixes)
      R.Fixes.push_back(U.places().edit(Fix.RemoveRange, Fix.CodeToInsert));
    return R;
  }

  /// The function the last reason given is about, when it is not B.
  StrId subject() const { return Subject; }

private:
  void add(const FunctionDecl &F) {
    if (IsMember.insert(F.getCanonicalDecl()).second)
      Members.push_back(&F);
  }

  /// Why, about F: the note names F when it is not the function called.
  Why about(const FunctionDecl &F, Why Not) {
    if (&F != Members.front())
      Subject = U.pool().intern(displayName(F));
    return Not;
  }

  /// The edit at a call of a member, in Caller: `co_await` in a member or
  /// a coroutine, the run entry in a root.
  std::optional<Why> awaitOrRun(const OwnCall &Site,
                                const FunctionDecl &Caller) {
    bool Root = !IsMember.contains(Caller.getCanonicalDecl()) &&
                !isa<CoroutineBodyStmt>(Caller.getBody());
    std::optional<std::string> Text =
        awaitableAt(Site) ? spelledText(*Site.Call, Ctx) : std::nullopt;
    if (!Text)
      return Why{NoRewrite::CallNotAwaitable, ""};
    if (bindsReference(*Site.Call, Ctx))
      return Why{NoRewrite::BindsReference, ""};
    if (!Root) {
      Fixes.push_back(replaceCallByAwait(*Site.Call, "co_await " + *Text, Ctx));
      return std::nullopt;
    }
    if (!Entry)
      return Why{NoRewrite::RootCannotRun, displayName(Caller)};
    Fixes.push_back(FixItHint::CreateReplacement(
        Site.Call->getSourceRange(),
        qualifyAt(Entry->QualifiedName, Caller, Ctx) + "(" + *Text + ")"));
    return std::nullopt;
  }

  /// Why M cannot become a coroutine of the framework as it is.
  std::optional<Why> unfit(const FunctionDecl &M) const {
    if (const auto *Method = dyn_cast<CXXMethodDecl>(&M);
        Method && Method->isVirtual())
      return Why{NoRewrite::Virtual, ""};
    if (isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(M) ||
        M.isOverloadedOperator() || M.isMain() || isLambdaCallOperator(&M))
      return Why{NoRewrite::SpecialFunction, ""};
    if (M.isTemplated() || M.getTemplateInstantiationPattern())
      return Why{NoRewrite::Template, ""};
    if (M.isConstexpr() || M.isVariadic() ||
        M.getReturnType()->getContainedDeducedType())
      return Why{NoRewrite::CannotBeCoroutine, ""};
    // C callers would get a task they cannot await.
    if (M.isExternC())
      return Why{NoRewrite::ExternC, ""};
    // A task of a reference would refer to what the coroutine's frame
    // holds once it has run.
    if (M.getReturnType()->isReferenceType())
      return Why{NoRewrite::ReturnsReference, ""};
    if (!Coro.FixIts)
      return Why{NoRewrite::NoFixIts, ""};
    // A const or volatile value cannot be a task's: `const task<T>` may not
    // be awaited.
    if (M.getReturnType().hasLocalQualifiers())
      return Why{NoRewrite::QualifiedReturn, ""};
    // The task template must mean the framework's from where M is declared.
    llvm::StringRef Outer = Task.split("::").first;
    for (const FunctionDecl *D : M.redecls())
      if (hiddenAt(Outer, *D->getDeclContext(), Ctx))
        return Why{NoRewrite::TaskNameHidden, Outer.str()};
    return std::nullopt;
  }

  /// Every declaration of M returns the task of its old type. All must be
  /// in the main file, each declaring M alone; each keeps its own spelling
  /// of the type.
  std::optional<NoRewrite> declarations(const FunctionDecl &M) {
    for (const FunctionDecl *D : M.redecls()) {
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

  /// M's blocking calls become awaits where they have an awaited form (a
  /// nested run and the chain's own blocking call must), with no lock held
  /// where M would now suspend; its returns become co_return.
  std::optional<Why> body(const FunctionDecl &M) {
    // M as it will be: a coroutine of Coro's kind.
    AsyncContext Becoming = Coro;
    Becoming.Func = &M;
    Becoming.Body = nullptr;
    Becoming.Becoming = true;
    for (const ClassifiedCall &Call : U.callsOf(M)) {
      const FunctionDecl *Callee = Call.Site.Callee;
      if (isa_and_nonnull<CXXDestructorDecl>(Callee) &&
          U.knowledge().lockGuardDestructor(qualifiedName(*Callee)))
        return Why{NoRewrite::HoldsLock, ""};
      if (Call.What != ClassifiedCall::Class::Blocking)
        continue;
      std::vector<FixItHint> Await =
          awaitFixes(Call.Site, Call.Blocks, Becoming, U, Fix);
      bool Must = Call.Blocks.Kind == BlockKind::NestedRun ||
                  (!End->Implicit && Call.Site.Loc == End->At.Loc);
      if (Await.empty() && Must)
        return Why{NoRewrite::NoAwaitRewrite, U.pool()[Call.Blocks.Name].str()};
      llvm::append_range(Fixes, Await);
    }
    ReturnFinder Returns;
    Returns.TraverseStmt(M.getBody());
    for (const ReturnStmt *Ret : Returns.Returns) {
      if (Ret->getReturnLoc().isMacroID())
        return Why{NoRewrite::ReturnInMacro, ""};
      // co_return {...} cannot deduce a templated return_value's parameter.
      const Expr *Value =
          Ret->getRetValue() ? Ret->getRetValue()->IgnoreImplicit() : nullptr;
      const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Value);
      if (isa_and_nonnull<InitListExpr>(Value) ||
          (Construct && Construct->isListInitialization()))
        return Why{NoRewrite::ReturnsBracedList, ""};
      Fixes.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Ret->getReturnLoc()), "co_return"));
    }
    return std::nullopt;
  }

  /// Whether Caller is a coroutine a member may be awaited in: of Coro's
  /// framework, or for an in-house task type, of Coro's task type.
  bool sameKind(const AsyncContext &Caller) const {
    if (Coro.framework() != Framework::Unknown)
      return Caller.framework() == Coro.framework();
    return Caller.Task && Caller.Task == Coro.Task;
  }

  const AsyncContext &Coro;
  UnitIndex &U;
  const FixOptions &Fix;
  llvm::StringRef Task, Kind;
  /// The chain's last hop: the blocking call it reaches.
  const Hop *End = nullptr;
  const RunEntryPoint *Entry;
  ASTContext &Ctx;
  const SourceManager &SM;
  std::vector<const FunctionDecl *> Members;
  llvm::SmallPtrSet<const Decl *, 8> IsMember;
  std::vector<FixItHint> Fixes;
  StrId Subject = NoStr;
};

/// How a plain function runs a task of Coro's kind to completion, keeping
/// its value: the run entry of Coro's framework that a `co_await` of its
/// argument replaces (`cppcoro::sync_wait(t)`); for an in-house task type,
/// such an entry of no framework in the task type's namespace.
const RunEntryPoint *runEntryFor(const AsyncContext &Coro, const Knowledge &K) {
  llvm::StringRef Namespace =
      Coro.Task ? Coro.Task->QualifiedName.rsplit("::").first : "";
  for (const RunEntryPoint &E : K.runEntryPoints()) {
    if (E.Rewrite != RunRewrite::AwaitArgument &&
        E.Rewrite != RunRewrite::AwaitArgumentMoved)
      continue;
    if (Coro.framework() != Framework::Unknown
            ? E.Id == Coro.framework()
            : E.Id == Framework::Unknown && !Namespace.empty() &&
                  E.QualifiedName.rsplit("::").first == Namespace)
      return &E;
  }
  return nullptr;
}

} // namespace

AsyncRewrite asyncAllTheWayUp(const Chain &C, const AsyncContext &Coro,
                              const FunctionDecl &B, UnitIndex &U,
                              const FixOptions &Fix,
                              std::vector<const FunctionDecl *> &Members) {
  StringPool &S = U.pool();
  // An in-house task type's own task, else its framework's.
  const FrameworkInfo *FW = U.knowledge().framework(Coro.framework());
  llvm::StringRef Task = Coro.Task ? Coro.Task->TaskTemplate : "";
  if (Task.empty() && FW)
    Task = FW->TaskTemplate;
  if (Task.empty())
    return {NoRewrite::UnknownTaskType, NoStr, {}};
  // A virtual call may run any override: they would all change together.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&B);
      Method && Method->isVirtual())
    return {NoRewrite::Virtual, NoStr, {}};
  AsyncUp Up(Coro, U, Fix, Task,
             FW ? FW->Name : llvm::StringRef(Coro.Task->QualifiedName),
             runEntryFor(Coro, U.knowledge()));
  std::optional<Why> Not = Up.path(C, B);
  if (!Not)
    Not = Up.callers();
  if (!Not)
    Not = Up.eachFits();
  if (!Not) {
    AsyncRewrite R = Up.result();
    if (!R.Fixes.empty())
      Members.assign(Up.members().begin(), Up.members().end());
    return R;
  }
  return {Not->first,
          Not->second.empty() ? NoStr : S.intern(Not->second),
          {},
          Up.subject()};
}

} // namespace corolint
