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

#include "Analysis.h"
#include "AwaitText.h"
#include "Paths.h"
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
#include <set>

using namespace clang;

namespace corolint {

namespace {

/// The most edits one async rewrite offers (a chain through ten thousand
/// functions, roughly); a larger one is refused, saying how large.
constexpr size_t MaxEdits = 20000;

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

/// Sorts Fixes by where they start, making insertions at one place one (an
/// include each rewrite needs, in the order of their text); whether some
/// edit overlaps another's text.
bool sortOverlap(std::vector<FixItHint> &Fixes, const SourceManager &SM) {
  auto Insertion = [](const FixItHint &F) {
    return !F.RemoveRange.isTokenRange() &&
           F.RemoveRange.getBegin() == F.RemoveRange.getEnd();
  };
  llvm::sort(Fixes, [&](const FixItHint &L, const FixItHint &R) {
    if (L.RemoveRange.getBegin() != R.RemoveRange.getBegin())
      return SM.isBeforeInTranslationUnit(L.RemoveRange.getBegin(),
                                          R.RemoveRange.getBegin());
    return std::make_pair(!Insertion(L), L.CodeToInsert) <
           std::make_pair(!Insertion(R), R.CodeToInsert);
  });
  std::vector<FixItHint> Merged;
  for (FixItHint &F : Fixes) {
    FixItHint *Last = Merged.empty() ? nullptr : &Merged.back();
    if (Last && Insertion(*Last) && Insertion(F) &&
        Last->RemoveRange.getBegin() == F.RemoveRange.getBegin()) {
      if (!llvm::StringRef(Last->CodeToInsert).contains(F.CodeToInsert))
        Last->CodeToInsert += F.CodeToInsert;
      continue;
    }
    Merged.push_back(std::move(F));
  }
  Fixes = std::move(Merged);
  for (size_t I = 1; I < Fixes.size(); ++I)
    if (!SM.isBeforeInTranslationUnit(Fixes[I - 1].RemoveRange.getEnd(),
                                      Fixes[I].RemoveRange.getBegin()))
      return true;
  return false;
}

using Why = std::pair<NoRewrite, std::string>;

/// What a plain function that calls a member becomes.
enum class CallerRole : uint8_t { Member, Root, Refused };

/// How a rewrite decides what it changes: within one unit, from a chain and
/// the unit's callers; across files, from the whole program's plan.
struct Scope {
  /// What the plain caller F of a member becomes.
  std::function<CallerRole(const FunctionDecl &F)> PlainCaller;
  /// Whether a declaration at Loc may be edited, and why not.
  std::function<bool(SourceLocation Loc)> Editable;
  NoRewrite NotEditable;
  /// Whether the blocking call at P is one the rewrite must await (a
  /// chain's end).
  std::function<bool(const Place &P)> MustAwait;
  /// Whether a virtual member comes with its whole family (the function it
  /// overrides and every override), which changes with it.
  bool Families = false;
};

/// The rewrite, in steps: the members (the functions of a chain's path,
/// and the plain callers of a member that coroutines reach) become
/// coroutines of the framework, awaited wherever they are called, except
/// in the roots (plain callers no coroutine reaches), which run them to
/// completion. Each step adds its edits, or says why there can be none,
/// and which member that is about.
class AsyncUp {
public:
  /// Task: the task type members return, %0 their old return type; Kind:
  /// how messages name the coroutines members may be awaited in; Entry:
  /// how a root runs a member to completion, if the framework has a way.
  AsyncUp(const AsyncContext &Coro, UnitIndex &U, const FixOptions &Fix,
          llvm::StringRef Task, llvm::StringRef Kind,
          const RunEntryPoint *Entry, Scope In)
      : Coro(Coro), U(U), Fix(Fix), Task(Task), Kind(Kind), Entry(Entry),
        In(std::move(In)), Ctx(U.context()), SM(Ctx.getSourceManager()) {}

  /// B and the functions C's hops pass through, down to the one that makes
  /// the blocking call itself.
  std::optional<Why> path(const Chain &C, const FunctionDecl &B) {
    if (C.Omitted) // too long to keep whole
      return tooLarge(C.Hops.size() + C.Omitted);
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
      // Each member's return type changes at least.
      if (std::optional<Why> Not = tooLarge(Members.size()))
        return Not;
    }
    return tooLarge(Members.size());
  }

  /// F becomes a member: a function of the path, a plain caller that
  /// joins, or one the plan names.
  void add(const FunctionDecl &F) {
    if (IsMember.insert(F.getCanonicalDecl()).second)
      Members.push_back(&F);
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
        if (!Use.Called)
          return about(M, {NoRewrite::NotCalled, ""});
        if (!E)
          return about(M, {NoRewrite::UsedOutside, Kind.str()});
        const std::optional<AsyncContext> &Caller = U.contextOf(*E);
        bool Plain = !isa_and_nonnull<CoroutineBodyStmt>(E->getBody());
        // A template's instances may run anywhere.
        if (Caller ? !sameKind(*Caller) || !Caller->FixIts
                   : !Plain || E->isDependentContext())
          return about(M, {NoRewrite::UsedOutside, Kind.str()});
        if (Plain && !IsMember.contains(E->getCanonicalDecl())) {
          CallerRole Role = In.PlainCaller(*E);
          if (Role == CallerRole::Refused)
            return about(M, {NoRewrite::UsedOutside, Kind.str()});
          if (Role == CallerRole::Member)
            add(*E);
        }
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
      if (std::optional<Why> Not = tooLarge())
        return Not;
    }
    return std::nullopt;
  }

  /// Each member, as it is declared (and, where its body is here,
  /// defined), can become a coroutine.
  std::optional<Why> eachFits() {
    for (const FunctionDecl *M : Members) {
      if (std::optional<Why> Not = unfit(*M))
        return about(*M, *Not);
      if (std::optional<NoRewrite> Not = declarations(*M))
        return about(*M, {*Not, ""});
      if (const FunctionDecl *Def = M->getDefinition())
        if (std::optional<Why> Not = body(*Def))
          return about(*M, *Not);
      if (std::optional<Why> Not = tooLarge())
        return Not;
    }
    return std::nullopt;
  }

  llvm::ArrayRef<const FunctionDecl *> members() const { return Members; }

  /// The edits in the order of the text, unless some overlap.
  AsyncRewrite result() {
    if (std::optional<Why> Not = tooLarge())
      return {Not->first, U.pool().intern(Not->second), {}};
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
  /// Too many edits for one fix-it (those made, or AtLeast to come), said
  /// as soon as there are: a fix-it is reviewed and applied whole, and
  /// clang merges its edits in time quadratic in their number.
  std::optional<Why> tooLarge(size_t AtLeast = 0) const {
    if (std::max(AtLeast, Fixes.size()) <= MaxEdits)
      return std::nullopt;
    return Why{NoRewrite::TooLarge, "more than " + std::to_string(MaxEdits)};
  }

  /// Why, about F: the note names F when it is not the function called.
  Why about(const FunctionDecl &F, Why Not) {
    if (Members.empty() ||
        F.getCanonicalDecl() != Members.front()->getCanonicalDecl())
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
    if (bindsReference(*Site.Call, U.parents(Caller)))
      return Why{NoRewrite::BindsReference, ""};
    if (!Root) {
      Fixes.push_back(replaceCallByAwait(*Site.Call, "co_await " + *Text,
                                         U.parents(Caller)));
      return std::nullopt;
    }
    if (!Entry)
      return Why{NoRewrite::RootCannotRun, displayName(Caller)};
    Fixes.push_back(FixItHint::CreateReplacement(
        Site.Call->getSourceRange(),
        qualifyAt(Entry->QualifiedName, Caller, Ctx) + "(" + *Text + ")"));
    include(Site.Call->getBeginLoc(), Entry->QualifiedName, Entry->From.Header);
    return std::nullopt;
  }

  /// Why M cannot become a coroutine of the framework as it is.
  std::optional<Why> unfit(const FunctionDecl &M) const {
    if (const auto *Method = dyn_cast<CXXMethodDecl>(&M);
        Method && Method->isVirtual() && !In.Families)
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

  /// Every declaration of M returns the task of its old type. Each must be
  /// where the scope may edit it, outside macros, declaring M alone; each
  /// keeps its own spelling of the type.
  std::optional<NoRewrite> declarations(const FunctionDecl &M) {
    for (const FunctionDecl *D : M.redecls()) {
      SourceRange Type = returnTypeRange(*D, Ctx);
      std::optional<std::string> Old =
          Type.isValid() ? textOf(Type, Ctx) : std::nullopt;
      if (!In.Editable(D->getLocation()))
        return In.NotEditable;
      if (!Old || Type.getBegin().isMacroID() || Type.getEnd().isMacroID())
        return NoRewrite::DeclaredElsewhere;
      if (declaredTogether(*D))
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
      if (Coro.Task)
        include(D->getLocation(), Coro.Task->QualifiedName,
                Coro.Task->From.Header);
    }
    return std::nullopt;
  }

  /// Whether D is declared in one declaration with others (`int a(), b();`:
  /// they start at one place). Each context's starts are counted once, not
  /// for each member (a chain of a million functions in one file).
  bool declaredTogether(const Decl &D) {
    llvm::DenseMap<unsigned, unsigned> &Starts =
        DeclarationStarts[D.getLexicalDeclContext()];
    if (Starts.empty())
      for (const Decl *Sibling : D.getLexicalDeclContext()->decls())
        ++Starts[Sibling->getBeginLoc().getRawEncoding()];
    return Starts.lookup(D.getBeginLoc().getRawEncoding()) > 1;
  }

  /// The header of Loc's file as the #include that brought it spelled it
  /// (`<lib/task.hpp>`), or empty.
  std::string includedAs(SourceLocation Loc) const {
    SourceLocation By = SM.getIncludeLoc(SM.getFileID(SM.getExpansionLoc(Loc)));
    if (By.isInvalid() || By.isMacroID())
      return "";
    llvm::StringRef Rest(SM.getCharacterData(By));
    char Close = Rest.starts_with("<") ? '>' : Rest.starts_with("\"") ? '"' : 0;
    size_t End = Close ? Rest.find_first_of(Close, 1) : llvm::StringRef::npos;
    size_t Line = Rest.find('\n');
    if (End == llvm::StringRef::npos ||
        (Line != llvm::StringRef::npos && Line < End))
      return "";
    return Rest.take_front(End + 1).str();
  }

  /// Includes Header (or, with none, the header the unit includes for it),
  /// which declares Name, in the file of At unless Name
  /// is declared there already: before At in the main file; in a header,
  /// by a file it includes, directly or not (a header must compile in
  /// every file that includes it).
  void include(SourceLocation At, llvm::StringRef Name,
               llvm::StringRef Header) {
    FileID In = SM.getFileID(SM.getExpansionLoc(At));
    const NamedDecl *Declared = lookupQualified(Ctx, Name);
    std::string Wanted = !Header.empty() ? Header.str()
                         : Declared      ? includedAs(Declared->getLocation())
                                         : "";
    if (!Fix.Include || Wanted.empty() || !Included.insert({In, Wanted}).second)
      return;
    if (Declared) {
      if (In == SM.getMainFileID() &&
          SM.isBeforeInTranslationUnit(Declared->getLocation(), At))
        return;
      for (FileID F = SM.getFileID(SM.getExpansionLoc(Declared->getLocation()));
           F.isValid(); F = SM.getFileID(SM.getIncludeLoc(F)))
        if (F == In)
          return;
    }
    if (std::optional<FixItHint> Hint = Fix.Include(In, Wanted))
      Fixes.push_back(*Hint);
  }

  /// M's blocking calls become awaits where they have an awaited form (a
  /// nested run and a chain's own blocking call must), with no lock held
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
                  (Call.Site.ImplicitAt.isInvalid() &&
                   In.MustAwait(U.places().at(Call.Site.Loc)));
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
  const RunEntryPoint *Entry;
  Scope In;
  ASTContext &Ctx;
  const SourceManager &SM;
  std::vector<const FunctionDecl *> Members;
  llvm::SmallPtrSet<const Decl *, 8> IsMember;
  std::vector<FixItHint> Fixes;
  llvm::DenseMap<const DeclContext *, llvm::DenseMap<unsigned, unsigned>>
      DeclarationStarts; // see declaredTogether()
  std::set<std::pair<FileID, std::string>> Included;
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

namespace {

/// The task type a member of a rewrite for Coro returns (an in-house task
/// type's own, else its framework's), empty when there is none; and how
/// messages name Coro's kind.
std::pair<llvm::StringRef, llvm::StringRef> taskOf(const AsyncContext &Coro,
                                                   const Knowledge &K) {
  const FrameworkInfo *FW = K.framework(Coro.framework());
  llvm::StringRef Task = Coro.Task ? Coro.Task->TaskTemplate : "";
  if (Task.empty() && FW)
    Task = FW->TaskTemplate;
  llvm::StringRef Kind = FW ? FW->Name : "";
  if (!FW && Coro.Task)
    Kind = Coro.Task->QualifiedName;
  return {Task, Kind};
}

/// Up's result, or Not in Out's pool.
AsyncRewrite finish(AsyncUp &Up, std::optional<Why> Not, StringPool &S) {
  if (!Not)
    return Up.result();
  return {Not->first,
          Not->second.empty() ? NoStr : S.intern(Not->second),
          {},
          Up.subject()};
}

/// The functions of U's unit outside system headers whose USR is in Usrs;
/// and, when a virtual function overrides one of them without being one,
/// or one overrides a function that is not, the first such pair: the one
/// in Usrs, and the other.
struct Declared {
  std::vector<const FunctionDecl *> Found;
  std::optional<std::pair<const FunctionDecl *, const FunctionDecl *>>
      OutsideFamily;
};
Declared declaredHere(UnitIndex &U, const std::set<std::string> &Usrs) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const std::set<std::string> &Usrs;
    const SourceManager &SM;
    Declared Out;
    llvm::SmallPtrSet<const Decl *, 8> Seen;
    Finder(const std::set<std::string> &Usrs, const SourceManager &SM)
        : Usrs(Usrs), SM(SM) {}
    bool VisitFunctionDecl(FunctionDecl *F) {
      if (SM.isInSystemHeader(F->getLocation()) ||
          !Seen.insert(F->getCanonicalDecl()).second)
        return true;
      bool Member = Usrs.count(usrOf(*F));
      if (Member)
        Out.Found.push_back(F);
      if (const auto *M = dyn_cast<CXXMethodDecl>(F))
        for (const CXXMethodDecl *Base : M->overridden_methods())
          if (bool(Usrs.count(usrOf(*Base))) != Member && !Out.OutsideFamily)
            Out.OutsideFamily.emplace(Member ? F : Base, Member ? Base : F);
      return true;
    }
  } F(Usrs, U.context().getSourceManager());
  F.TraverseAST(U.context());
  return std::move(F.Out);
}

} // namespace

AsyncRewrite asyncAllTheWayUp(const Chain &C, const AsyncContext &Coro,
                              const FunctionDecl &B, UnitIndex &U,
                              const FixOptions &Fix,
                              std::vector<const FunctionDecl *> &Members) {
  auto [Task, Kind] = taskOf(Coro, U.knowledge());
  if (Task.empty())
    return {NoRewrite::UnknownTaskType, NoStr, {}};
  // A virtual call may run any override: they would all change together.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&B);
      Method && Method->isVirtual())
    return {NoRewrite::Virtual, NoStr, {}};
  const Hop &End = C.Hops.back();
  const SourceManager &SM = U.context().getSourceManager();
  Scope InFile{[&](const FunctionDecl &F) {
                 return U.reachedFromCoroutine(F) ? CallerRole::Member
                                                  : CallerRole::Root;
               },
               [&](SourceLocation Loc) { return SM.isInMainFile(Loc); },
               NoRewrite::DeclaredElsewhere,
               [&](const Place &P) {
                 return !End.Implicit && P.File == End.At.File &&
                        P.Offset == End.At.Offset;
               }};
  AsyncUp Up(Coro, U, Fix, Task, Kind, runEntryFor(Coro, U.knowledge()),
             std::move(InFile));
  std::optional<Why> Not = Up.path(C, B);
  if (!Not)
    Not = Up.callers();
  if (!Not)
    Not = Up.eachFits();
  AsyncRewrite R = finish(Up, Not, U.pool());
  if (!R.Fixes.empty())
    Members.assign(Up.members().begin(), Up.members().end());
  return R;
}

UnitRewrite rewriteInUnit(const ProgramRewritePlan &Plan, UnitIndex &U,
                          const FixOptions &Fix, StringPool &Out) {
  UnitRewrite R;
  const Knowledge &K = U.knowledge();
  AsyncContext Coro;
  Coro.Task = K.taskType(Plan.TaskRow);
  Coro.FixIts = Coro.Task && Coro.Task->FixIts;
  auto [Task, Kind] = taskOf(Coro, K);
  Declared Here = declaredHere(U, Plan.Members);
  if (Here.Found.empty())
    return R;
  if (Here.OutsideFamily) {
    const auto [Member, Outsider] = *Here.OutsideFamily;
    R.Result.Why = NoRewrite::OutsideFamily;
    R.Result.Arg = Out.intern(displayName(*Outsider));
    R.Result.Subject = Out.intern(displayName(*Member));
    return R;
  }
  if (Task.empty()) {
    R.Result.Why = NoRewrite::UnknownTaskType;
    return R;
  }
  StringPool &S = U.pool();
  PlaceMaker &Places = U.places();
  Scope Whole{[&](const FunctionDecl &F) {
                std::string Id = usrOf(F);
                if (Plan.Members.count(Id))
                  return CallerRole::Member;
                return Plan.Roots.count(Id) ? CallerRole::Root
                                            : CallerRole::Refused;
              },
              [&](SourceLocation Loc) {
                Place P = Places.at(Loc);
                return P.valid() &&
                       !U.context().getSourceManager().isInSystemHeader(Loc) &&
                       relativeTo(S[P.File], Plan.SourceRoot).has_value();
              },
              NoRewrite::OutsideSourceRoot,
              [&](const Place &P) {
                return Plan.MustAwait.count({S[P.File].str(), P.Offset}) != 0;
              },
              /*Families=*/true};
  AsyncUp Up(Coro, U, Fix, Task, Kind, runEntryFor(Coro, K), std::move(Whole));
  for (const FunctionDecl *M : Here.Found) {
    Up.add(*M);
    for (const FunctionDecl *D : M->redecls())
      if (Place P = Places.at(D->getLocation()); P.valid())
        R.DeclaredIn.insert(S[P.File].str());
  }
  std::optional<Why> Not = Up.callers();
  if (!Not)
    Not = Up.eachFits();
  AsyncRewrite Made = finish(Up, Not, S);
  // Into Out's pool.
  auto Move = [&](StrId I) { return I == NoStr ? NoStr : Out.intern(S[I]); };
  R.Result.Why = Made.Why;
  R.Result.Arg = Move(Made.Arg);
  R.Result.Subject = Move(Made.Subject);
  for (Edit E : Made.Fixes) {
    E.At.File = Move(E.At.File);
    E.At.Loc = {};
    R.Result.Fixes.push_back(std::move(E));
  }
  return R;
}

} // namespace corolint
