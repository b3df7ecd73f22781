//===--- Analysis.cpp - One translation unit's findings ------------------===//

#include "Analysis.h"
#include "Rewrite.h"
#include "Stack.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/DenseSet.h"
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
  std::vector<Call> Calls;
  std::optional<AsyncContext> Context;
  std::optional<NodeId> Node;
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
  auto Add = [&](const OwnCall &Site, llvm::ArrayRef<std::string> Names) {
    Call &C = Fn.Calls.emplace_back();
    C.Site = Site;
    if (Coro && !Names.empty())
      C.Called = Strings->intern(Names.front());
    classify(C, Names);
  };
  if (Coro)
    forEachOwnCall(
        *Coro, Ctx,
        [&](const Expr &Operand) { return onBlockingPool(Operand); }, Add);
  else
    forEachOwnCall(F, Ctx, Add);
  return Fn.Calls;
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

void Analysis::classify(Call &C, llvm::ArrayRef<std::string> Names) const {
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
      Blocks(BlockKind::NestedRun, Run->QualifiedName);
      return true;
    }
    if (Opts->Allowed.match(Names))
      return false;
    std::string Matched;
    const NameList::Entry *Listed = Opts->Blocking.match(Names, &Matched);
    const BlockingFunction *Known = blockingFunction(Names, Listed != nullptr);
    if (Known && !Listed && !isLibraryFunction(Site, Known->QualifiedName))
      Known = nullptr;
    if (Listed || Known) {
      Blocks(BlockKind::Call, Known ? Known->QualifiedName : Matched,
             Known ? Known->Waits : Wait::None,
             Listed ? Listed->Suggestion : "");
      return true;
    }
    if (Site.Callee && hasAnnotation(*Site.Callee, BlockingAnnotation)) {
      Blocks(BlockKind::Call, qualifiedName(*Site.Callee));
      return true;
    }
    return false;
  };
  if (Primitive())
    return;

  // Calls are followed into plain functions, and into functions defined in
  // other units, called directly, outside system headers, unless marked
  // non-blocking or offloading their callable arguments.
  const FunctionDecl *Callee = Site.Callee;
  if (!Callee || Site.Virtual || Opts->NonBlocking.match(Names) ||
      Opts->Offload.match(Names))
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

bool Analysis::onBlockingPool(const Expr &Operand) const {
  if (Opts->BlockingPool.empty())
    return false;
  llvm::SmallVector<std::string, 2> Names = namesOf(Operand);
  if (const CXXRecordDecl *RD = recordOf(Operand.getType()))
    Names.push_back(qualifiedName(*RD));
  return Opts->BlockingPool.match(Names) != nullptr;
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
      if (const std::optional<AsyncContext> &Coro = contextOf(*F))
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
  for (bool CandidatesPass : {false, true})
    for (const AsyncContext *Coro : Coroutines)
      for (const Call &C : callsOf(*Coro->Func)) {
        if (C.Site.OnBlockingPool)
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
    if (!F.chain() && F.End.Kind == BlockKind::Sleep) {
      if (const SleepFunction *Fn = sleepFunction({Name.str()}))
        F.Fixes = edits(sleepToAwait(R.Site->Site, *Fn, *R.Coro, Ctx, Fix));
    } else if (!F.chain() && F.End.Kind == BlockKind::NestedRun) {
      if (const RunEntryPoint *Entry = runEntryPoint({Name.str()}))
        if (std::optional<FixItHint> Await =
                nestedRunToAwait(R.Site->Site, *Entry, *R.Coro, Ctx))
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
