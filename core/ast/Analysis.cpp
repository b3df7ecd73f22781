//===--- Analysis.cpp - One translation unit's findings ------------------===//

#include "Analysis.h"
#include "BlockingRules.h"
#include "Stack.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/CFGStmtMap.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <tuple>
#include <utility>

using namespace clang;

namespace corolint {

namespace {

constexpr llvm::StringLiteral BlockingAnnotation = "corolint::blocking";
constexpr llvm::StringLiteral NonBlockingAnnotation = "corolint::nonblocking";

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
  using Map = llvm::DenseMap<const FunctionDecl *, std::vector<Reference>>;
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
  // Visited before its callee, which it marks.
  bool VisitCallExpr(CallExpr *C) {
    if (const Expr *Callee = C->getCallee())
      Callees.insert(Callee->IgnoreParenImpCasts());
    return true;
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
    if (const auto *F = dyn_cast<FunctionDecl>(D); F && Seen.insert(Use).second)
      Refs[F->getCanonicalDecl()].push_back(
          {Use, Enclosing.empty() ? nullptr : Enclosing.back(),
           Callees.contains(Use)});
  }

  Map &Refs;
  llvm::DenseSet<const Expr *> Seen, Callees;
  std::vector<const FunctionDecl *> Enclosing;
};

} // namespace

/// A function the analysis has looked at: its calls, walked once (a plain
/// function's again if they are asked for after the graph is built), and
/// its node in the graph once it has one. A unit may define a million
/// functions: what few of them need is kept beside, by function.
struct Analysis::Function {
  static constexpr NodeId NoNode = ~0u;
  const FunctionDecl *F = nullptr;
  std::vector<Call> Calls;
  /// Its context, once known (in Contexts); nullptr for none.
  const std::optional<AsyncContext> *Context = nullptr;
  NodeId Node = NoNode;
  bool Walked = false, ContextKnown = false;
  /// Whether it is queued to be scanned; whether coroutines reach it.
  bool Queued = false, Reached = false;
  /// For a coroutine: whether its own code awaits or yields.
  bool Suspends = false;
};

Analysis::Analysis(ASTContext &Ctx, std::shared_ptr<const ParsedOptions> Opts,
                   bool Everything)
    : Ctx(Ctx), Opts(std::move(Opts)), Everything(Everything),
      Strings(std::make_shared<StringPool>()),
      Places(Ctx.getSourceManager(), Ctx.getLangOpts(), *Strings), G(*Strings) {
}

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

bool markedBlocking(const Decl &D) {
  return hasAnnotation(D, BlockingAnnotation);
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
    Slot = &Functions.emplace_back();
    Slot->F = &F;
  }
  return *Slot;
}

const std::optional<AsyncContext> &Analysis::contextOf(const FunctionDecl &F) {
  static const std::optional<AsyncContext> None;
  Function &Fn = function(F);
  if (!Fn.ContextKnown) {
    Fn.ContextKnown = true;
    if (std::optional<AsyncContext> C = asyncContextOf(F, Opts->knowledge()))
      Fn.Context = &Contexts.emplace_back(C);
  }
  return Fn.Context ? *Fn.Context : None;
}

const std::vector<Analysis::Call> &Analysis::callsOf(const FunctionDecl &F) {
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
        *Coro, Ctx, Opts->knowledge(),
        [&](const Expr &Operand) { return onBlockingPool(Operand); }, Add);
  else
    forEachOwnCall(F, Ctx, Opts->knowledge(), Add);
  markCold(F, Calls);
  Function &Done = function(F);
  Done.Suspends = Suspends;
  Done.Calls = std::move(Calls);
  return Done.Calls;
}

const FunctionEvidence &Analysis::evidence(const FunctionDecl &F) {
  std::unique_ptr<FunctionEvidence> &E = Evidence[&F];
  if (!E)
    E = std::make_unique<FunctionEvidence>(F, parents(F), Opts->knowledge());
  return *E;
}

ParentMap &Analysis::parents(const FunctionDecl &F) {
  std::unique_ptr<ParentMap> &P = Parents[&F];
  if (!P) {
    Stmt *Body = F.getBody();
    if (auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(Body))
      Body = Coro->getBody();
    P = std::make_unique<ParentMap>(Body);
  }
  return *P;
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

NodeId Analysis::nodeOf(const FunctionDecl &F) {
  Function &Fn = function(F);
  if (Fn.Node == Function::NoNode) {
    Fn.Node = G.node(Everything ? Strings->intern(usrOf(F)) : NoStr);
    G[Fn.Node].Name = Strings->intern(displayName(F));
  }
  return Fn.Node;
}

void Analysis::indexOverriders(llvm::ArrayRef<const FunctionDecl *> Defined) {
  for (const FunctionDecl *F : Defined) {
    const auto *Method = dyn_cast<CXXMethodDecl>(F);
    // An override in a class template's instance is type erasure (a job
    // that holds any callable): its instances grow with every use in the
    // program, and a call through the base would run each; not followed.
    if (!Method || !Method->isVirtual() ||
        isa<ClassTemplateSpecializationDecl>(Method->getParent()))
      continue;
    llvm::SmallVector<const CXXMethodDecl *, 4> Up{Method};
    llvm::SmallPtrSet<const CXXMethodDecl *, 4> Seen;
    while (!Up.empty()) {
      const CXXMethodDecl *M = Up.pop_back_val();
      if (!Seen.insert(M->getCanonicalDecl()).second)
        continue;
      Overriders[M->getCanonicalDecl()].push_back(F);
      llvm::append_range(Up, M->overridden_methods());
    }
  }
}

llvm::ArrayRef<const FunctionDecl *> Analysis::bodiesRun(const Call &C) const {
  if (C.What == Call::Class::Followed)
    return C.Target;
  if (C.What == Call::Class::Virtual)
    if (auto It = Overriders.find(C.Target); It != Overriders.end())
      return It->second;
  return {};
}

NodeId Analysis::dispatchNodeOf(const FunctionDecl &M) {
  const FunctionDecl *Key = M.getCanonicalDecl();
  if (auto It = DispatchNodes.find(Key); It != DispatchNodes.end())
    return It->second;
  std::string Usr = Everything ? usrOf(M) : "";
  NodeId N = G.node(Usr.empty() ? NoStr : Strings->intern(dispatchUsr(Usr)));
  DispatchNodes[Key] = N;
  G[N].Name = Strings->intern(displayName(M));
  G[N].Defined = G[N].Dispatch = true;
  if (auto It = Overriders.find(Key); It != Overriders.end())
    for (const FunctionDecl *Body : It->second) {
      NodeId To = nodeOf(*Body);
      G.addEdge(N, {To, Places.at(Body->getLocation()), {}, true});
    }
  return N;
}

NodeId Analysis::calleeNode(const Call &C) {
  return C.What == Call::Class::Virtual ? dispatchNodeOf(*C.Target)
                                        : nodeOf(*C.Target);
}

void Analysis::scan(const FunctionDecl &F, NodeId N) {
  G[N].Defined = true;
  G[N].NonBlocking = markedNonBlocking(F);
  // Calling a coroutine does not run its body. For facts, an asynchronous
  // context's calls are kept (not its blocking calls, which its own
  // findings report): the whole program's rewrite asks which plain
  // functions coroutines reach, and from where they are awaited.
  const bool Coroutine = isa<CoroutineBodyStmt>(F.getBody());
  G[N].Coroutine = Coroutine;
  if (Coroutine && !(Everything && contextOf(F)))
    return;
  for (const Call &C : callsOf(F)) {
    switch (C.What) {
    case Call::Class::Blocking: {
      if (Coroutine || !G.sink(N, C.Blocks.Kind).empty())
        break;
      Sink S{G.addPrimitive(C.Blocks), Places.at(C.Site.Loc),
             Places.at(C.Site.ImplicitAt),
             C.Site.Callee ? Strings->intern(displayName(*C.Site.Callee))
                           : NoStr};
      G.sinkToSet(N, C.Blocks.Kind) = S;
      break;
    }
    case Call::Class::Followed:
    case Call::Class::External:
    case Call::Class::Virtual: {
      NodeId To = calleeNode(C);
      G.addEdge(N, {To, Places.at(C.Site.Loc), Places.at(C.Site.ImplicitAt)});
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
  if (Coro.Task)
    F.Coro.Task = Strings->intern(Coro.Task->QualifiedName);
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
  std::vector<const FunctionDecl *> ToScan; // scanned in the order queued
  auto Reach = [&](const FunctionDecl &F) {
    if (bool &Queued = function(F).Queued; !Queued) {
      Queued = true;
      ToScan.push_back(&F);
    }
  };
  indexOverriders(Finder.Found);
  if (Everything) { // a node each, and one per virtual call
    G.reserve(Finder.Found.size() + Overriders.size());
    ByDecl.reserve(Finder.Found.size());
    Strings->reserve(Strings->size() + 2 * Finder.Found.size()); // USR, name
  }
  for (const FunctionDecl *F : Finder.Found) {
    bool IsCoroutine = isa<CoroutineBodyStmt>(F->getBody());
    if (IsCoroutine)
      if (const std::optional<AsyncContext> &Coro = contextOf(*F);
          Coro && ownCoroutine(*Coro))
        Coroutines.push_back(&*Coro);
  }
  if (Everything) { // every function found, once, in the order found
    llvm::erase_if(Finder.Found, [&](const FunctionDecl *F) {
      return std::exchange(function(*F).Queued, true);
    });
    ToScan = std::move(Finder.Found);
  }
  // Facts hold every virtual call's node: another unit's call may run the
  // bodies defined here.
  if (Everything)
    for (const auto &[Virtual, Bodies] : Overriders)
      dispatchNodeOf(*Virtual);
  for (const AsyncContext *Coro : Coroutines)
    for (const Call &C : callsOf(*Coro->Func))
      for (const FunctionDecl *Body : bodiesRun(C))
        Reach(*Body);
  for (size_t I = 0; I < ToScan.size(); ++I) {
    const FunctionDecl *F = ToScan[I];
    scan(*F, nodeOf(*F));
    if (isa<CoroutineBodyStmt>(F->getBody()))
      continue;
    for (const Call &C : callsOf(*F))
      for (const FunctionDecl *Body : bodiesRun(C))
        Reach(*Body);
    // A plain function's calls are in the graph now: they are walked again
    // only for the few a fix-it asks about. Kept, they would be most of the
    // memory of a unit of many functions.
    forgetCalls(*F);
  }
  markReached();
  collect();
}

void Analysis::collect() {
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
          RawFinding &R = Found.emplace_back();
          R.F = pending(C, *Coro);
          R.F.Check = Check;
          R.F.End = C.Blocks;
          R.Site = &C;
          R.Coro = Coro;
          continue;
        }
        if (C.What != Call::Class::Followed &&
            C.What != Call::Class::External && C.What != Call::Class::Virtual)
          continue;
        for (unsigned K = 0; K < NumBlockKinds; ++K) {
          BlockKind Kind = static_cast<BlockKind>(K);
          CheckId Check = checkFor(Kind, /*Chain=*/true);
          // A function defined in another unit has no chain here.
          std::optional<Chain> Path;
          if (C.What != Call::Class::External)
            Path = G.chain(calleeNode(C), Kind);
          // A call whose every function is defined here has no chain
          // through other files either: no candidate.
          if (CandidatesPass == Path.has_value() ||
              (!Path && C.What == Call::Class::Followed &&
               G.closed(calleeNode(C))) ||
              !First(Check, C))
            continue;
          RawFinding &R = (Path ? Found : Candidates).emplace_back();
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
            R.F.OmittedHops = Path->Omitted;
            R.Path = std::move(Path);
          }
        }
      }
}

llvm::ArrayRef<RawFinding> Analysis::found() {
  if (!Ran)
    run();
  return Found;
}

const Graph &Analysis::graph() {
  if (!Ran)
    run();
  return G;
}

std::vector<Candidate> Analysis::candidates(CheckId Check) {
  if (!Ran)
    run();
  std::vector<Candidate> Out;
  for (const RawFinding &R : Candidates) {
    if (R.F.Check != Check)
      continue;
    std::string Usr = usrOf(*R.Target);
    if (Usr.empty() || !R.F.At.valid())
      continue;
    Candidate &C = Out.emplace_back();
    C.Pending = R.F;
    C.Virtual = R.Site->What == Call::Class::Virtual;
    C.CalleeUsr = Strings->intern(C.Virtual ? dispatchUsr(Usr) : Usr);
    C.CalleeDefinedHere = R.DefinedHere;
    C.Options = Strings->intern(Opts->fingerprint());
  }
  return Out;
}

void Analysis::markReached() {
  // Over the graph, whose plain functions' calls are not kept: from the
  // bodies the coroutines' calls run, through every call of a plain
  // function and every body a virtual call may run.
  std::vector<Function *> Defined(G.size(), nullptr);
  for (Function &Fn : Functions)
    if (Fn.Node != Function::NoNode && Fn.F->doesThisDeclarationHaveABody())
      Defined[Fn.Node] = &Fn;
  std::vector<bool> Seen(G.size());
  std::vector<NodeId> Work;
  auto Reach = [&](NodeId N) {
    if (!Seen[N]) {
      Seen[N] = true;
      Work.push_back(N);
    }
  };
  for (const AsyncContext *Coro : Coroutines)
    for (const Call &C : callsOf(*Coro->Func))
      for (const FunctionDecl *Body : bodiesRun(C))
        Reach(nodeOf(*Body));
  while (!Work.empty()) {
    const NodeId Id = Work.back();
    Work.pop_back();
    const Node &N = G[Id];
    Function *Fn = Defined[Id];
    if (!N.Dispatch && !Fn)
      continue; // defined in another unit
    if (Fn)
      Fn->Reached = true;
    if (!N.Coroutine)
      for (const Edge &E : G.edges(Id))
        Reach(E.To);
  }
}

void Analysis::forgetCalls(const FunctionDecl &F) {
  Function &Fn = function(F);
  Fn.Walked = false;
  std::vector<Call>().swap(Fn.Calls);
}

bool Analysis::reachedFromCoroutine(const FunctionDecl &F) {
  if (!Ran)
    run();
  const FunctionDecl *Def = F.getDefinition();
  auto It = ByDecl.find(Def ? Def : &F);
  return It != ByDecl.end() && It->second->Reached;
}

llvm::ArrayRef<Reference> Analysis::referencesTo(const FunctionDecl &F) {
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