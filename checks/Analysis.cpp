//===--- Analysis.cpp - What calls block, and what plain functions reach --===//

#include "Analysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace corolint {

const char DefaultOffloadFunctions[] =
    "std::thread::thread;std::jthread::jthread;std::async;"
    "asio::post;asio::dispatch;asio::defer;asio::co_spawn;"
    "boost::asio::post;boost::asio::dispatch;boost::asio::defer;"
    "boost::asio::co_spawn;folly::via";

namespace {

constexpr llvm::StringLiteral BlockingAnnotation = "corolint::blocking";
constexpr llvm::StringLiteral NonBlockingAnnotation = "corolint::nonblocking";

// Matching runs on one thread per translation unit (clang-tidy, and each of
// clangd's workers), so each thread keeps the analyses of its own unit.
thread_local std::vector<std::unique_ptr<Analysis>> Registry;

const SleepFunction *findSleep(llvm::ArrayRef<std::string> Names) {
  static const TableIndex<SleepFunction> Index(sleepFunctions());
  return Index.find(Names);
}

const RunEntryPoint *findEntryPoint(llvm::ArrayRef<std::string> Names) {
  static const TableIndex<RunEntryPoint> Index(runEntryPoints());
  return Index.find(Names);
}

/// The table's row for one of Names; opt-in rows only when asked for.
const BlockingFunction *findBlocking(llvm::ArrayRef<std::string> Names,
                                     bool OptIn) {
  static const TableIndex<BlockingFunction> Index(blockingFunctions());
  return Index.find(Names, [&](const BlockingFunction &F) {
    return OptIn || !F.OptIn;
  });
}

} // namespace

/// A plain function reached from a coroutine, and the shortest way from it
/// to each kind of primitive.
struct Analysis::Node {
  const FunctionDecl *F = nullptr;
  bool Scanned = false;
  bool Summarized = false;
  /// The calls it makes into followable functions, and their nodes.
  std::vector<Hop> Edges;
  std::vector<unsigned> Targets;
  /// The calls it makes into functions defined in other units.
  std::vector<Hop> OutsideEdges;
  std::vector<const FunctionDecl *> Outside;
  struct Reach {
    unsigned Distance = 0; // 0: none; 1: a primitive call of its own
    int Edge = -1;         // the first hop, when Distance > 1
    Hop Sink;              // the primitive's call, when Distance == 1
    Primitive P;
  };
  std::array<Reach, NumBlockKinds> Reaches;
  std::array<bool, NumBlockKinds> HasSink{};
};

Analysis &Analysis::get(ASTContext &Ctx, const AnalysisOptions &Opts) {
  for (const std::unique_ptr<Analysis> &A : Registry)
    if (&A->Ctx == &Ctx && A->Opts == Opts)
      return *A;
  Registry.push_back(std::make_unique<Analysis>(Ctx, Opts));
  return *Registry.back();
}

void Analysis::releaseAll() { Registry.clear(); }

Analysis::Analysis(ASTContext &Ctx, const AnalysisOptions &Opts)
    : Ctx(Ctx), Opts(Opts), Blocking(Opts.BlockingFunctions, Errors),
      Allowed(Opts.AllowedFunctions, Errors),
      NonBlocking(Opts.NonBlockingFunctions, Errors),
      Offload(Opts.OffloadFunctions, Errors),
      BlockingPool(Opts.BlockingPoolAwaitables, Errors) {}

Analysis::~Analysis() = default;

std::string Primitive::alternative(Framework Id) const {
  if (!Suggestion.empty())
    return Suggestion;
  return Blocking ? alternativeFor(Blocking->Waits, Id).str() : "";
}

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

std::optional<Primitive> Analysis::classify(const OwnCall &Call) const {
  Primitive P;
  if ((P.Sleep = findSleep(Call.Names))) {
    if (!isLibraryFunction(Call, P.Sleep->QualifiedName))
      return std::nullopt;
    P.Kind = BlockKind::Sleep;
    P.Name = P.Sleep->QualifiedName.str();
    return P;
  }
  if ((P.Run = findEntryPoint(Call.Names))) {
    P.Kind = BlockKind::NestedRun;
    P.Name = P.Run->QualifiedName.str();
    return P;
  }
  if (Allowed.match(Call.Names))
    return std::nullopt;
  P.Kind = BlockKind::Call;
  std::string Matched;
  const NameList::Entry *Listed = Blocking.match(Call.Names, &Matched);
  const BlockingFunction *Known = findBlocking(Call.Names, Listed != nullptr);
  if (Known && !Listed && !isLibraryFunction(Call, Known->QualifiedName))
    Known = nullptr;
  if (Listed || Known) {
    P.Name = Known ? Known->QualifiedName.str() : Matched;
    P.Blocking = Known;
    P.Suggestion = Listed ? Listed->Suggestion : "";
    return P;
  }
  if (Call.Callee && hasAnnotation(*Call.Callee, BlockingAnnotation)) {
    P.Name = qualifiedName(*Call.Callee);
    return P;
  }
  return std::nullopt;
}

const FunctionDecl *Analysis::followable(const OwnCall &Call) const {
  const FunctionDecl *Def = nullptr;
  if (!Call.Callee || Call.Virtual || !Call.Callee->hasBody(Def) || !Def ||
      Def->isDependentContext() || isa<CoroutineBodyStmt>(Def->getBody()) ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return nullptr;
  if (hasAnnotation(*Def, NonBlockingAnnotation) ||
      NonBlocking.match(Call.Names) || Offload.match(Call.Names))
    return nullptr;
  return Def;
}

const FunctionDecl *Analysis::external(const OwnCall &Call) const {
  if (!Call.Callee || Call.Virtual || Call.Callee->hasBody() ||
      Call.Callee->isDependentContext() ||
      Ctx.getSourceManager().isInSystemHeader(
          Call.Callee->getCanonicalDecl()->getLocation()))
    return nullptr;
  if (hasAnnotation(*Call.Callee, NonBlockingAnnotation) ||
      NonBlocking.match(Call.Names) || Offload.match(Call.Names))
    return nullptr;
  return Call.Callee->getCanonicalDecl();
}

bool Analysis::onBlockingPool(const Expr &Operand) const {
  if (BlockingPool.empty())
    return false;
  llvm::SmallVector<std::string, 2> Names = namesOf(Operand);
  if (const CXXRecordDecl *RD = recordOf(Operand.getType()))
    Names.push_back(qualifiedName(*RD));
  return BlockingPool.match(Names) != nullptr;
}

namespace {

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

unsigned Analysis::nodeFor(const FunctionDecl &F) {
  auto [It, New] = Index.try_emplace(&F, Nodes.size());
  if (New) {
    Nodes.push_back(std::make_unique<Node>());
    Nodes.back()->F = &F;
  }
  return It->second;
}

void Analysis::scan(Node &N) {
  N.Scanned = true;
  forEachOwnCall(*N.F, Ctx, [&](const OwnCall &Call) {
    if (std::optional<Primitive> P = classify(Call)) {
      unsigned K = static_cast<unsigned>(P->Kind);
      if (!N.HasSink[K]) {
        N.HasSink[K] = true;
        N.Reaches[K].Sink = Hop{N.F, Call};
        N.Reaches[K].P = std::move(*P);
      }
      return;
    }
    if (const FunctionDecl *Def = followable(Call)) {
      N.Edges.push_back(Hop{N.F, Call});
      N.Targets.push_back(nodeFor(*Def));
    } else if (const FunctionDecl *Decl = external(Call)) {
      N.OutsideEdges.push_back(Hop{N.F, Call});
      N.Outside.push_back(Decl);
    }
  });
}

namespace {

/// The functions a unit defines outside system headers, instances of
/// templates included, patterns not. Declarations in system headers are not
/// entered: what they hold is in system headers too (instances of their
/// templates included), and they are most of a unit.
class DefinitionFinder : public RecursiveASTVisitor<DefinitionFinder> {
  using Base = RecursiveASTVisitor<DefinitionFinder>;

public:
  DefinitionFinder(const SourceManager &SM) : SM(SM) {}
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

} // namespace

void Analysis::forEachDefinedFunction(
    llvm::function_ref<void(const Summary &)> Fn) {
  DefinitionFinder Finder(Ctx.getSourceManager());
  Finder.TraverseAST(Ctx);
  for (const FunctionDecl *F : Finder.Found)
    if (!isa<CoroutineBodyStmt>(F->getBody()))
      nodeFor(*F);
  // Scanning adds the nodes of the functions a node leads into.
  for (size_t I = 0; I < Nodes.size(); ++I)
    if (!Nodes[I]->Scanned)
      scan(*Nodes[I]);
  for (const FunctionDecl *F : Finder.Found)
    if (isa<CoroutineBodyStmt>(F->getBody()))
      Fn(Summary{F, true, {}, {}, {}, {}});
  std::vector<const FunctionDecl *> Into;
  for (const std::unique_ptr<Node> &N : Nodes) {
    Into.clear();
    for (unsigned T : N->Targets)
      Into.push_back(Nodes[T]->F);
    std::vector<Hop> Calls = N->Edges;
    Calls.insert(Calls.end(), N->OutsideEdges.begin(), N->OutsideEdges.end());
    Into.insert(Into.end(), N->Outside.begin(), N->Outside.end());
    Summary S{N->F, false, Calls, Into, {}, {}};
    for (unsigned K = 0; K < NumBlockKinds; ++K)
      if (N->HasSink[K]) {
        S.Sinks[K] = &N->Reaches[K].Sink;
        S.Primitives[K] = &N->Reaches[K].P;
      }
    Fn(S);
  }
}

// Finds, for every function reachable from Root and not summarized yet, the
// shortest chain to each kind of primitive: a breadth-first search backwards
// from the functions that call a primitive themselves, in time linear in
// the calls. Recursion needs nothing special: a function is reached once.
void Analysis::summarize(unsigned Root) {
  if (Nodes[Root]->Summarized)
    return;
  std::vector<unsigned> Set{Root};
  llvm::DenseMap<unsigned, bool> InSet{{Root, true}};
  for (size_t I = 0; I < Set.size(); ++I) {
    Node &N = *Nodes[Set[I]];
    if (!N.Scanned)
      scan(N);
    for (unsigned T : Nodes[Set[I]]->Targets)
      if (!Nodes[T]->Summarized && InSet.try_emplace(T, true).second)
        Set.push_back(T);
  }

  // Callers within the set, for walking backwards.
  llvm::DenseMap<unsigned, std::vector<std::pair<unsigned, int>>> Callers;
  for (unsigned U : Set)
    for (size_t E = 0; E < Nodes[U]->Targets.size(); ++E)
      if (InSet.count(Nodes[U]->Targets[E]))
        Callers[Nodes[U]->Targets[E]].push_back({U, static_cast<int>(E)});

  for (unsigned K = 0; K < NumBlockKinds; ++K) {
    std::vector<std::vector<unsigned>> Buckets(2);
    auto Offer = [&](unsigned U, unsigned Distance, int Edge) {
      Node::Reach &R = Nodes[U]->Reaches[K];
      if (R.Distance != 0 && R.Distance <= Distance)
        return;
      R.Distance = Distance;
      R.Edge = Edge;
      if (Buckets.size() <= Distance)
        Buckets.resize(Distance + 1);
      Buckets[Distance].push_back(U);
    };
    for (unsigned U : Set) {
      Node &N = *Nodes[U];
      if (N.HasSink[K]) {
        Offer(U, 1, -1);
        continue;
      }
      // Calls into functions summarized by an earlier search.
      for (size_t E = 0; E < N.Targets.size(); ++E) {
        const Node &T = *Nodes[N.Targets[E]];
        if (T.Summarized && T.Reaches[K].Distance)
          Offer(U, T.Reaches[K].Distance + 1, static_cast<int>(E));
      }
    }
    for (unsigned D = 1; D < Buckets.size(); ++D)
      for (size_t I = 0; I < Buckets[D].size(); ++I) {
        unsigned U = Buckets[D][I];
        if (Nodes[U]->Reaches[K].Distance != D)
          continue; // improved since it was queued
        auto It = Callers.find(U);
        if (It == Callers.end())
          continue;
        for (auto [Caller, Edge] : It->second)
          Offer(Caller, D + 1, Edge);
      }
  }
  for (unsigned U : Set)
    Nodes[U]->Summarized = true;
}

Chain Analysis::chain(const FunctionDecl &F, BlockKind Kind) {
  unsigned K = static_cast<unsigned>(Kind);
  unsigned U = nodeFor(F);
  summarize(U);
  Chain Result;
  if (!Nodes[U]->Reaches[K].Distance)
    return Result;
  while (Nodes[U]->Reaches[K].Distance > 1) {
    int E = Nodes[U]->Reaches[K].Edge;
    Result.Hops.push_back(&Nodes[U]->Edges[E]);
    U = Nodes[U]->Targets[E];
  }
  Result.Hops.push_back(&Nodes[U]->Reaches[K].Sink);
  Result.End = &Nodes[U]->Reaches[K].P;
  return Result;
}

} // namespace corolint
