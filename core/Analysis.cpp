//===--- Analysis.cpp - One translation unit's findings ------------------===//

#include "Analysis.h"
#include "BlockingRules.h"
#include "Rewrite.h"
#include "Stack.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/CFGStmtMap.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <deque>
#include <tuple>

using namespace clang;

namespace corolint {

namespace {

constexpr llvm::StringLiteral BlockingAnnotation = "corolint::blocking";
constexpr llvm::StringLiteral NonBlockingAnnotation = "corolint::nonblocking";

// Matching runs on one thread per translation unit (clang-tidy, and each of
// clangd's workers), so each thread keeps the analyses of its own unit.
thread_local std::vector<std::unique_ptr<Analysis>> Registry;

/// The functions a unit defines outside system headers, instances of
/// templates and lambdas' call operators included, patterns not.
/// Declarations in system headers are not entered: what they hold is in
/// system headers too (instances of their templates included), and they are
/// most of a unit.
class DefinitionFinder : public RecursiveASTVisitor<DefinitionFinder> {
  using Base = RecursiveASTVisitor<DefinitionFinder>;

public:
  explicit DefinitionFinder(const SourceManager &SM) : SM(SM) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return Base::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *F) {
    if (F->doesThisDeclarationHaveABody() && !F->isDependentContext() &&
        !SM.isInSystemHeader(F->getLocation()))
      Found.push_back(F);
    return true;
  }
  std::vector<const FunctionDecl *> Found;

private:
  const SourceManager &SM;
};

/// Collects every use of a function's name, with the function it is in.
class ReferenceIndexer : public RecursiveASTVisitor<ReferenceIndexer> {
  using Base = RecursiveASTVisitor<ReferenceIndexer>;

public:
  using Map =
      llvm::DenseMap<const FunctionDecl *, std::vector<Analysis::Reference>>;
  explicit ReferenceIndexer(Map &Refs) : Refs(Refs) {}
  // Implicit uses (a range-for's begin and end) are uses too.
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseDecl(Decl *D) {
    auto *F = dyn_cast_or_null<FunctionDecl>(D);
    if (F)
      Enclosing.push_back(F);
    bool Result = Base::TraverseDecl(D);
    if (F)
      Enclosing.pop_back();
    return Result;
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    Enclosing.push_back(L->getCallOperator());
    bool Result = Base::TraverseLambdaExpr(L);
    Enclosing.pop_back();
    return Result;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    add(E->getDecl(), E);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    add(E->getMemberDecl(), E);
    return true;
  }
  // A dependent call in a template may resolve to any of its candidates.
  bool VisitOverloadExpr(OverloadExpr *E) {
    for (const NamedDecl *D : E->decls())
      add(D->getUnderlyingDecl(), E);
    return true;
  }

private:
  // Implicit code shares subexpressions with the written code (a
  // co_return's operand and its promise call): each use counts once.
  void add(const Decl *D, const Expr *Use) {
    if (const auto *F = dyn_cast<FunctionDecl>(D);
        F && Seen.insert(Use).second)
      Refs[F->getCanonicalDecl()].push_back(
          {Use, Enclosing.empty() ? nullptr : Enclosing.back()});
  }

  Map &Refs;
  llvm::DenseSet<const Expr *> Seen;
  std::vector<const FunctionDecl *> Enclosing;
};

} // namespace

/// A function the analysis has looked at: its calls, walked once, and its
/// node in the graph once it has one.
struct Analysis::Function {
  const FunctionDecl *F = nullptr;
  bool Walked = false, ContextKnown = false;
  /// For a coroutine: whether its own code awaits or yields.
  bool Suspends = false;
  std::vector<Call> Calls;
  std::optional<AsyncContext> Context;
  std::optional<NodeId> Node;
  std::unique_ptr<ParentMap> Parents;
  std::unique_ptr<FunctionEvidence> Evidence;
};

/// A finding or candidate before the fix-its of its check: the call and
/// coroutine it comes from, and for a chain the plain function called.
struct Analysis::Raw {
  Finding F;
  const Call *Site = nullptr;
  const AsyncContext *Coro = nullptr;
  const FunctionDecl *Target = nullptr;
  std::optional<Chain> Path;
  bool DefinedHere = false;
};

Analysis &Analysis::get(ASTContext &Ctx,
                        std::shared_ptr<const ParsedOptions> Opts,
                        bool Everything) {
  for (const std::unique_ptr<Analysis> &A : Registry)
    if (&A->Ctx == &Ctx && A->Opts == Opts && A->Everything == Everything)
      return *A;
  Registry.push_back(
      std::make_unique<Analysis>(Ctx, std::move(Opts), Everything));
  return *Registry.back();
}

void Analysis::releaseAll() { Registry.clear(); }

Analysis::Analysis(ASTContext &Ctx, std::shared_ptr<const ParsedOptions> Opts,
                   bool Everything)
    : Ctx(Ctx), Opts(std::move(Opts)), Everything(Everything),
      Strings(std::make_shared<StringPool>()),
      Places(Ctx.getSourceManager(), Ctx.getLangOpts(), *Strings),
      G(*Strings) {}

Analysis::~Analysis() = default;

bool hasAnnotation(const Decl &D, llvm::StringRef Annotation) {
  for (const Decl *R : D.redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == Annotation)
        return true;
  return false;
}

bool markedNonBlocking(const Decl &D) {
  return hasAnnotation(D, NonBlockingAnnotation);
}

// clang names a function of internal linkage by the file's base name only,
// and all lambdas of an inline function alike: such functions also carry
// the place of their definition, which every unit sees the same.
std::string usrOf(const FunctionDecl &F) {
  llvm::SmallString<128> USR;
  if (index::generateUSRForDecl(&F, USR))
    return "";
  if (F.isExternallyVisible() && !isLambdaCallOperator(&F))
    return USR.str().str();
  const FunctionDecl *Def = F.getDefinition();
  const SourceManager &SM = F.getASTContext().getSourceManager();
  SourceLocation At = SM.getFileLoc((Def ? Def : &F)->getLocation());
  std::string File;
  if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(SM.getFileID(At)))
    File = canonicalPath(*Entry);
  return (USR + "@" + File + ":" + llvm::Twine(SM.getFileOffset(At))).str();
}

Analysis::Function &Analysis::function(const FunctionDecl &F) {
  Function *&Slot = ByDecl[&F];
  if (!Slot) {
    Functions.push_back(std::make_unique<Function>());
    Slot = Functions.back().get();
    Slot->F = &F;
  }
  return *Slot;
}

const std::optional<AsyncContext> &
Analysis::contextOf(const FunctionDecl &F) {
  Function &Fn = function(F);
  if (!Fn.ContextKnown) {
    Fn.ContextKnown = true;
    Fn.Context = asyncContextOf(F);
  }
  return Fn.Context;
}

const std::vector<Analysis::Call> &
Analysis::callsOf(const FunctionDecl &F) {
  Function &Fn = function(F);
  if (Fn.Walked)
    return Fn.Calls;
  Fn.Walked = true;
  const std::optional<AsyncContext> &Coro = contextOf(F);
  // (Fn.Calls is filled in a vector of its own: classifying a call may walk
  // another function, which adds to Functions.)
  std::vector<Call> Calls;
  auto Add = [&](const OwnCall &Site, llvm::ArrayRef<std::string> Names) {
    Call &C = Calls.emplace_back();
    C.Site = Site;
    if (Coro && !Names.empty())
      C.Called = Strings->intern(Names.front());
    classify(C, Names, F);
  };
  bool Suspends = false;
  if (Coro)
    Suspends = forEachOwnCall(
        *Coro, Ctx,
        [&](const Expr &Operand) { return onBlockingPool(Operand); }, Add);
  else
    forEachOwnCall(F, Ctx, Add);
  markCold(F, Calls);
  Function &Done = function(F);
  Done.Suspends = Suspends;
  Done.Calls = std::move(Calls);
  return Done.Calls;
}

const FunctionEvidence &Analysis::evidence(const FunctionDecl &F) {
  Function &Fn = function(F);
  if (!Fn.Evidence)
    Fn.Evidence = std::make_unique<FunctionEvidence>(F, parents(F));
  return *Fn.Evidence;
}

ParentMap &Analysis::parents(const FunctionDecl &F) {
  Function &Fn = function(F);
  if (!Fn.Parents) {
    Stmt *Body = F.getBody();
    if (auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(Body))
      Body = Coro->getBody();
    Fn.Parents = std::make_unique<ParentMap>(Body);
  }
  return *Fn.Parents;
}

// A call from which every path ends the process (it sits in a block that
// ends in a call of a [[noreturn]] function, or every way on leads to one)
// runs only on the way out: it is neither followed nor reported. So is all
// of a [[noreturn]] function's own code.
void Analysis::markCold(const FunctionDecl &F, std::vector<Call> &Calls) {
  auto Cold = [](Call &C) {
    C.What = Call::Class::Other;
    C.DrivesLoop = false;
  };
  if (F.isNoReturn() && !isa<CoroutineBodyStmt>(F.getBody())) {
    llvm::for_each(Calls, Cold);
    return;
  }
  if (llvm::none_of(Calls, [](const Call &C) {
        return C.Site.Callee && C.Site.Callee->isNoReturn();
      }))
    return;
  Stmt *Body = F.getBody();
  if (auto *Coro = dyn_cast<CoroutineBodyStmt>(Body))
    Body = Coro->getBody();
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph = CFG::buildCFG(&F, Body, &Ctx, Options);
  if (!Graph)
    return;
  // Doomed blocks, the least fixed point: an infinite loop never returns
  // either, but it blocks, so it is not cold.
  std::vector<char> Doomed(Graph->getNumBlockIDs(), 0);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const CFGBlock *B : *Graph) {
      if (Doomed[B->getBlockID()] || B == &Graph->getExit())
        continue;
      bool Dies = B->hasNoReturnElement();
      if (!Dies) {
        bool AnySuccessor = false;
        Dies = true;
        for (const CFGBlock::AdjacentBlock &Next : B->succs())
          if (const CFGBlock *N = Next.getReachableBlock()) {
            AnySuccessor = true;
            Dies &= Doomed[N->getBlockID()] != 0;
          }
        Dies &= AnySuccessor;
      }
      if (Dies) {
        Doomed[B->getBlockID()] = 1;
        Changed = true;
      }
    }
  }
  std::unique_ptr<CFGStmtMap> Blocks(
      CFGStmtMap::Build(Graph.get(), &parents(F)));
  for (Call &C : Calls)
    if (C.Site.Anchor)
      if (const CFGBlock *B =
              Blocks->getBlock(const_cast<Stmt *>(C.Site.Anchor)))
        if (Doomed[B->getBlockID()])
          Cold(C);
}

/// Whether a call named like a C library function (`sleep`, `system`) calls
/// the library's: declared extern "C" or in a system header, not a user's
/// own function of that name.
bool Analysis::isLibraryFunction(const OwnCall &Call,
                                 llvm::StringRef Name) const {
  if (Name.contains("::") || !Call.Callee)
    return true;
  return Call.Callee->isExternC() ||
         Ctx.getSourceManager().isInSystemHeader(
             Call.Callee->getCanonicalDecl()->getLocation());
}

void Analysis::classify(Call &C, llvm::ArrayRef<std::string> Names,
                        const FunctionDecl &In) {
  const OwnCall &Site = C.Site;
  auto Blocks = [&](BlockKind Kind, llvm::StringRef Name, Wait W = Wait::None,
                    llvm::StringRef Suggestion = "") {
    C.What = Call::Class::Blocking;
    C.Blocks = {Kind, Strings->intern(Name), W,
                Suggestion.empty() ? NoStr : Strings->intern(Suggestion)};
  };
  auto Primitive = [&]() -> bool {
    if (const SleepFunction *Sleep = sleepFunction(Names)) {
      if (!isLibraryFunction(Site, Sleep->QualifiedName))
        return false;
      Blocks(BlockKind::Sleep, Sleep->QualifiedName);
      return true;
    }
    if (const RunEntryPoint *Run = runEntryPoint(Names)) {
      if (!Run->OnlyWith.empty() &&
          !(Site.Call &&
            llvm::any_of(Site.Call->arguments(), [&](const Expr *A) {
              return mentions(*A, Run->OnlyWith, Ctx);
            })))
        return false;
      Blocks(BlockKind::NestedRun, Run->QualifiedName);
      return true;
    }
    // A team's own run-to-completion entry point (RunFunctions).
    if (std::string Matched; Opts->Run.match(Names, &Matched)) {
      Blocks(BlockKind::NestedRun, Matched);
      return true;
    }
    if (Opts->Allowed.match(Names))
      return false;
    std::string Matched;
    const NameList::Entry *Listed = Opts->Blocking.match(Names, &Matched);
    std::optional<KnownBlocking> Known = knownBlocking(
        Site, Names, Listed != nullptr,
        [&]() -> const FunctionEvidence & { return evidence(In); }, Ctx,
        [&](llvm::StringRef Name) {
          return Listed || isLibraryFunction(Site, Name);
        });
    if (Known && Known->Kind == BlockKind::Call &&
        !Opts->reports(familyOf(Known->Waits)))
      Known.reset();
    if (Listed || Known) {
      Blocks(Known ? Known->Kind : BlockKind::Call,
             Known ? Known->Name : Matched, Known ? Known->Waits : Wait::None,
             Listed && !Listed->Suggestion.empty()
                 ? Listed->Suggestion
                 : (Known ? Known->Advice : ""));
      return true;
    }
    if (Site.Callee && hasAnnotation(*Site.Callee, BlockingAnnotation)) {
      Blocks(BlockKind::Call, qualifiedName(*Site.Callee));
      return true;
    }
    return false;
  };
  if (Primitive()) {
    // A wait for a value that the code has made sure is ready returns at
    // once.
    const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(Site.Call);
    if (Member && waitsForValue(Names) && readyAt(*Member, In)) {
      C.What = Call::Class::Other;
      return;
    }
    C.DrivesLoop = drivesLoop(Names);
    return;
  }

  // Calls are followed into plain functions, and into functions defined in
  // other units, called directly, outside system headers, unless marked
  // non-blocking or offloading their callable arguments.
  const FunctionDecl *Callee = Site.Callee;
  if (!Callee || Site.Virtual || Opts->NonBlocking.match(Names) ||
      Opts->Offload.match(Names) ||
      libraryMachinery(qualifiedName(*Callee),
                       Callee->getTemplateInstantiationPattern() != nullptr))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl *Def = nullptr;
  if (Callee->hasBody(Def) && Def) {
    if (!Def->isDependentContext() && !isa<CoroutineBodyStmt>(Def->getBody()) &&
        !SM.isInSystemHeader(Def->getLocation()) && !markedNonBlocking(*Def)) {
      C.What = Call::Class::Followed;
      C.Target = Def;
    }
    return;
  }
  if (!Callee->isDependentContext() &&
      !SM.isInSystemHeader(Callee->getCanonicalDecl()->getLocation()) &&
      !markedNonBlocking(*Callee)) {
    C.What = Call::Class::External;
    C.Target = Callee->getCanonicalDecl();
  }
}

namespace {

/// The executor an expression or parameter names: its class, through
/// pointers, references and smart pointers.
const CXXRecordDecl *executorOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = recordOf(T);
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (Spec && Spec->getTemplateArgs().size() >= 1 &&
      Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
    std::string Name = qualifiedName(*Spec);
    if (Name == "std::shared_ptr" || Name == "std::unique_ptr")
      return recordOf(Spec->getTemplateArgs()[0].getAsType());
  }
  return RD;
}

bool dedicatedExecutor(QualType T) {
  const CXXRecordDecl *RD = executorOf(T);
  return RD && dedicatedThreads(qualifiedName(*RD));
}

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
  ReadinessFinder(const ValueDecl &Root, bool Condition, bool Negated = false)
      : Root(Root), Condition(Condition), Negated(Negated) {}
  bool Found = false;

  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

  bool VisitCoawaitExpr(CoawaitExpr *E) {
    if (Negated)
      return true;
    const Expr *Operand = E->getOperand()->IgnoreImplicit();
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(Operand);
        M && makesReady(namesOf(*M)) &&
        rootOf(M->getImplicitObjectArgument()) == &Root)
      Found = true;
    else if (rootOf(Operand) == &Root)
      Found = true;
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
    return readinessProbes(namesOf(*M));
  }
  /// Operands compared equal (or unequal): a probe and a status.
  void compared(llvm::ArrayRef<const Expr *> Operands, bool Equal) {
    for (const Expr *Probe : Operands)
      for (const ReadinessProbe *P : probes(Probe))
        for (const Expr *Value : Operands)
          Found |= namesEnumerator(Value, Equal ? P->Ready : P->NotReady);
  }

  const ValueDecl &Root;
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

bool establishesReady(const Stmt *S, const ValueDecl &Root, bool Condition) {
  if (!S)
    return false;
  ReadinessFinder Finder(Root, Condition);
  Finder.TraverseStmt(const_cast<Stmt *>(S));
  if (Finder.Found || Condition)
    return Finder.Found;
  // A guard: `if (r.status() != value) throw ...;`.
  const auto *If = dyn_cast<IfStmt>(S);
  if (!If || If->getElse() || !leaves(If->getThen()))
    return false;
  ReadinessFinder Guard(Root, true, /*Negated=*/true);
  Guard.TraverseStmt(const_cast<Expr *>(If->getCond()));
  return Guard.Found;
}

/// Whether E is `co_await f(...)`, f a combinator whose values are ready.
bool awaitsReadyValues(const Expr *E) {
  const auto *Await =
      E ? dyn_cast<CoawaitExpr>(E->IgnoreImplicit()->IgnoreParens()) : nullptr;
  const auto *Call =
      Await ? dyn_cast<CallExpr>(Await->getOperand()->IgnoreImplicit())
            : nullptr;
  return Call && givesReadyValues(namesOf(*Call));
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
      Var && awaitsReadyValues(Var->getInit()))
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
        if (establishesReady(Before, Root, false))
          return true;
      }
    } else if (const auto *If = dyn_cast<IfStmt>(Parent)) {
      if (If->getThen() == Child &&
          establishesReady(If->getCond(), Root, true))
        return true;
    } else if (const auto *Choice = dyn_cast<ConditionalOperator>(Parent)) {
      if (Choice->getTrueExpr() == Child &&
          establishesReady(Choice->getCond(), Root, true))
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
  if (!Outer || !Outer->hasBody() ||
      !Root.getDeclContext()->Encloses(Outer))
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

std::optional<RunEntryPoint>
Analysis::runEntry(llvm::StringRef Name, const OwnCall &Site,
                   const AsyncContext &Coro) const {
  if (const RunEntryPoint *Row = runEntryPoint({Name.str()}))
    return *Row;
  if (Site.Args.empty() || !Opts->Run.match({Name.str()}))
    return std::nullopt;
  const CXXRecordDecl *Awaited = recordOf(Site.Args[0]->getType());
  if (!Awaited)
    return std::nullopt;
  std::string Task = qualifiedName(*Awaited);
  const CXXRecordDecl *Own =
      recordOf(Coro.Func->getReturnType()->getCanonicalTypeUnqualified());
  bool Awaitable =
      (Own && qualifiedName(*Own) == Task) ||
      llvm::any_of(taskTypes(), [&](const TaskType &T) {
        return T.Id == Coro.framework() && !T.SynchronousGenerator &&
               T.QualifiedName == Task;
      });
  if (!Awaitable)
    return std::nullopt;
  return RunEntryPoint{Name, Coro.framework(), RunRewrite::AwaitArgumentMoved,
                       ""};
}

std::optional<bool> Analysis::onBlockingPool(const Expr &Operand) const {
  llvm::SmallVector<std::string, 2> Names = namesOf(Operand);
  // A framework's resume_on(e) moves the coroutine onto e: a pool for
  // blocking work when e gives every task a thread of its own or is the
  // framework's executor for blocking work, another executor otherwise.
  if (const auto *Call = dyn_cast<CallExpr>(Operand.IgnoreImplicit()))
    for (const Placement &P : placements())
      if (llvm::is_contained(Names, P.ResumeOn))
        return llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
          llvm::SmallVector<const ValueDecl *, 4> Named;
          namedIn(*Arg, Named);
          return dedicatedExecutor(Arg->getType()) ||
                 llvm::any_of(Named, [&](const ValueDecl *D) {
                   return D->getIdentifier() &&
                          D->getName() == P.BlockingExecutor;
                 });
        });
  if (Opts->BlockingPool.empty())
    return std::nullopt;
  if (const CXXRecordDecl *RD = recordOf(Operand.getType()))
    Names.push_back(qualifiedName(*RD));
  if (Opts->BlockingPool.match(Names))
    return true;
  return std::nullopt;
}

// A coroutine reported in is the user's own: not a framework's (instantiated
// from a header in the framework's namespace, as concurrencpp's
// submit_bridge runs a submitted callable, whether the header came with -I
// or -isystem), not one the options vouch for or offload, and not one that
// runs on a thread of its own (concurrencpp's executor_tag with a
// thread_executor).
bool Analysis::ownCoroutine(const AsyncContext &Coro) {
  const FunctionDecl &F = *Coro.Func;
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Name = qualifiedName(F);
  if (F.getTemplateInstantiationPattern() &&
      !SM.isInMainFile(SM.getExpansionLoc(F.getLocation())) &&
      inFrameworkNamespace(Name))
    return false;
  if (Opts->NonBlocking.match({Name}) || Opts->Offload.match({Name}))
    return false;
  for (const Placement &P : placements())
    if (F.getNumParams() >= 2) {
      const CXXRecordDecl *Tag = recordOf(F.getParamDecl(0)->getType());
      if (Tag && qualifiedName(*Tag) == P.TagType &&
          dedicatedExecutor(F.getParamDecl(1)->getType()))
        return false;
    }
  return true;
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
          isa<CXXThisExpr>(M->getImplicitObjectArgument()->IgnoreParenImpCasts()))
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
    while (S && S != Block && !isa<IfStmt, ForStmt, WhileStmt, DoStmt,
                                   CXXForRangeStmt, SwitchStmt,
                                   ConditionalOperator, LambdaExpr>(S) &&
           !(isa<BinaryOperator>(S) &&
             cast<BinaryOperator>(S)->isLogicalOp()))
      S = Parents.getParent(S);
    if (S == Block)
      return true;
  }
  return false;
}

NodeId Analysis::nodeOf(const FunctionDecl &F) {
  Function &Fn = function(F);
  if (!Fn.Node) {
    Fn.Node = G.node(Everything ? Strings->intern(usrOf(F)) : NoStr);
    G[*Fn.Node].Name = Strings->intern(displayName(F));
  }
  return *Fn.Node;
}

void Analysis::scan(const FunctionDecl &F, NodeId N) {
  G[N].Defined = true;
  G[N].NonBlocking = markedNonBlocking(F);
  if (isa<CoroutineBodyStmt>(F.getBody())) {
    G[N].Coroutine = true; // calling it does not run its body
    return;
  }
  for (const Call &C : callsOf(F)) {
    switch (C.What) {
    case Call::Class::Blocking: {
      if (!G.sink(N, C.Blocks.Kind).empty())
        break;
      Sink S{G.addPrimitive(C.Blocks), Places.at(C.Site.Loc),
             Places.at(C.Site.ImplicitAt),
             C.Site.Callee ? Strings->intern(displayName(*C.Site.Callee))
                           : NoStr};
      G.sinkToSet(N, C.Blocks.Kind) = S;
      break;
    }
    case Call::Class::Followed:
    case Call::Class::External: {
      NodeId To = nodeOf(*C.Target);
      G[N].Edges.push_back(
          {To, Places.at(C.Site.Loc), Places.at(C.Site.ImplicitAt)});
      break;
    }
    case Call::Class::Other:
      break;
    }
  }
}

Finding Analysis::pending(const Call &C, const AsyncContext &Coro) {
  Finding F;
  F.Coro.Name = Strings->intern(displayName(*Coro.Func));
  F.Coro.Qualified = Strings->intern(qualifiedName(*Coro.Func));
  F.Coro.Lambda = Coro.isLambda();
  F.Coro.At = Places.at(Coro.Func->getLocation());
  F.Coro.FW = Coro.framework();
  F.At = Places.at(C.Site.Loc);
  F.ImplicitAt = Places.at(C.Site.ImplicitAt);
  if (C.Site.Callee)
    F.Callee = Strings->intern(displayName(*C.Site.Callee));
  F.Called = C.Called;
  return F;
}

void Analysis::run() {
  Ran = true;
  runWithLargeStack([&] { build(); });
}

void Analysis::build() {
  DefinitionFinder Finder(Ctx.getSourceManager());
  Finder.TraverseAST(Ctx);

  // The graph: the plain functions the coroutines call, and what they call
  // in turn; for facts, every function defined here.
  std::vector<const AsyncContext *> Coroutines;
  std::deque<const FunctionDecl *> ToScan;
  llvm::DenseSet<const FunctionDecl *> Queued;
  auto Reach = [&](const FunctionDecl &F) {
    if (Queued.insert(&F).second)
      ToScan.push_back(&F);
  };
  for (const FunctionDecl *F : Finder.Found) {
    bool IsCoroutine = isa<CoroutineBodyStmt>(F->getBody());
    if (IsCoroutine)
      if (const std::optional<AsyncContext> &Coro = contextOf(*F);
          Coro && ownCoroutine(*Coro))
        Coroutines.push_back(&*Coro);
    if (Everything)
      Reach(*F);
  }
  for (const AsyncContext *Coro : Coroutines)
    for (const Call &C : callsOf(*Coro->Func))
      if (C.What == Call::Class::Followed)
        Reach(*C.Target);
  while (!ToScan.empty()) {
    const FunctionDecl *F = ToScan.front();
    ToScan.pop_front();
    scan(*F, nodeOf(*F));
    if (!isa<CoroutineBodyStmt>(F->getBody()))
      for (const Call &C : callsOf(*F))
        if (C.What == Call::Class::Followed)
          Reach(*C.Target);
  }

  // Each finding once per check, place and name called (a variable's
  // constructor and destructor share a place; template instances share
  // both); findings first, so that an instance with a chain is reported
  // though another instance of the same call has none.
  llvm::DenseSet<std::tuple<unsigned, unsigned, StrId>> Reported;
  auto First = [&](CheckId Check, const Call &C) {
    return Reported
        .insert({static_cast<unsigned>(Check), C.Site.Loc.getRawEncoding(),
                 C.Called})
        .second;
  };
  // A coroutine that never suspends and blocks on nothing but an event loop
  // it runs is that loop's driver.
  auto Driver = [&](const AsyncContext &Coro) {
    return !function(*Coro.Func).Suspends &&
           llvm::all_of(callsOf(*Coro.Func), [](const Call &C) {
             return C.What != Call::Class::Blocking || C.DrivesLoop;
           });
  };
  for (bool CandidatesPass : {false, true})
    for (const AsyncContext *Coro : Coroutines)
      for (const Call &C : callsOf(*Coro->Func)) {
        // An object already cleaned up does not block in its destructor.
        if (C.Site.OnBlockingPool || (C.DrivesLoop && Driver(*Coro)) ||
            cleanedUp(C, *Coro))
          continue;
        if (!CandidatesPass && C.What == Call::Class::Blocking) {
          CheckId Check = checkFor(C.Blocks.Kind, /*Chain=*/false);
          if (!First(Check, C))
            continue;
          Raw &R = Found.emplace_back();
          R.F = pending(C, *Coro);
          R.F.Check = Check;
          R.F.End = C.Blocks;
          R.Site = &C;
          R.Coro = Coro;
          continue;
        }
        if (C.What != Call::Class::Followed &&
            C.What != Call::Class::External)
          continue;
        for (unsigned K = 0; K < NumBlockKinds; ++K) {
          BlockKind Kind = static_cast<BlockKind>(K);
          CheckId Check = checkFor(Kind, /*Chain=*/true);
          std::optional<Chain> Path;
          if (C.What == Call::Class::Followed)
            Path = G.chain(nodeOf(*C.Target), Kind);
          if (CandidatesPass == Path.has_value() || !First(Check, C))
            continue;
          Raw &R = (Path ? Found : Candidates).emplace_back();
          R.F = pending(C, *Coro);
          R.F.Check = Check;
          R.F.End.Kind = Kind;
          R.Site = &C;
          R.Coro = Coro;
          R.Target = C.Target;
          R.DefinedHere = C.What == Call::Class::Followed;
          if (Path) {
            R.F.End = Path->End;
            R.F.Hops = Path->Hops;
            R.Path = std::move(Path);
          }
        }
      }
}

std::vector<Edit> Analysis::edits(llvm::ArrayRef<FixItHint> Hints) {
  std::vector<Edit> Out;
  for (const FixItHint &H : Hints)
    Out.push_back(Places.edit(H.RemoveRange, H.CodeToInsert));
  return Out;
}

std::vector<Finding> Analysis::findings(CheckId Check, const FixOptions &Fix) {
  if (!Ran)
    run();
  std::vector<Finding> Out;
  // Fix-its look at parents and uses: walks as deep as the code.
  runWithLargeStack([&] { fixFindings(Check, Fix, Out); });
  return Out;
}

void Analysis::fixFindings(CheckId Check, const FixOptions &Fix,
                           std::vector<Finding> &Out) {
  for (const Raw &R : Found) {
    if (R.F.Check != Check)
      continue;
    Finding F = R.F;
    llvm::StringRef Name = (*Strings)[F.End.Name];
    const OwnCall &Site = R.Site->Site;
    if (!F.chain() && F.End.Kind == BlockKind::Sleep &&
        sleepFunction({Name.str()})) {
      F.Fixes = edits(sleepToAwait(Site, *sleepFunction({Name.str()}),
                                   *R.Coro, Ctx, Fix));
    } else if (!F.chain() && F.End.Kind != BlockKind::NestedRun) {
      // A synchronous operation with an async twin, or a Qt wait.
      if (std::optional<AsyncTwin> Twin = asyncTwin(Site, Ctx))
        F.Fixes = edits(twinToAwait(Site, *Twin, *R.Coro, Ctx, Fix));
      else
        F.Fixes = edits(qtWaitToAwait(Site, *R.Coro, Ctx, Fix));
    } else if (!F.chain() && F.End.Kind == BlockKind::NestedRun) {
      if (std::optional<RunEntryPoint> Entry = runEntry(Name, Site, *R.Coro))
        if (std::optional<FixItHint> Await =
                nestedRunToAwait(Site, *Entry, *R.Coro, Ctx))
          F.Fixes = edits(*Await);
    } else if (F.chain() && F.End.Kind == BlockKind::NestedRun) {
      // The rewrite is made at the function's first reported call; it
      // covers every call.
      auto [It, New] = Rewrites.try_emplace(R.Target->getCanonicalDecl());
      if (New) {
        It->second = asyncAllTheWayUp(*R.Path, *R.Coro, *R.Target, *this);
        F.Async = It->second;
      } else if (!It->second.Fixes.empty()) {
        F.Async = {NoRewrite::AtFirstCall, NoStr, {}};
      } else {
        F.Async = It->second;
      }
    }
    Out.push_back(std::move(F));
  }
}

std::vector<Candidate> Analysis::candidates(CheckId Check) {
  if (!Ran)
    run();
  std::vector<Candidate> Out;
  for (const Raw &R : Candidates) {
    if (R.F.Check != Check)
      continue;
    std::string Usr = usrOf(*R.Target);
    if (Usr.empty() || !R.F.At.valid())
      continue;
    Candidate &C = Out.emplace_back();
    C.Pending = R.F;
    C.CalleeUsr = Strings->intern(Usr);
    C.CalleeDefinedHere = R.DefinedHere;
    C.Options = Strings->intern(Opts->Fingerprint);
  }
  return Out;
}

llvm::ArrayRef<Analysis::Reference>
Analysis::referencesTo(const FunctionDecl &F) {
  if (!References) {
    References.emplace();
    ReferenceIndexer(*References).TraverseAST(Ctx);
  }
  auto It = References->find(F.getCanonicalDecl());
  if (It == References->end())
    return {};
  return It->second;
}

} // namespace corolint
