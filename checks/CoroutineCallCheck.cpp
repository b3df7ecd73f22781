//===--- CoroutineCallCheck.cpp - Shared base of the coro-* checks --------===//

#include "CoroutineCallCheck.h"
#include "Facts.h"
#include "clang/AST/ASTLambda.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

namespace {

constexpr llvm::StringLiteral FollowCallsKey = "FollowCalls";
constexpr llvm::StringLiteral BlockingFunctionsKey = "BlockingFunctions";
constexpr llvm::StringLiteral AllowedFunctionsKey = "AllowedFunctions";
constexpr llvm::StringLiteral NonBlockingFunctionsKey = "NonBlockingFunctions";
constexpr llvm::StringLiteral OffloadFunctionsKey = "OffloadFunctions";
constexpr llvm::StringLiteral BlockingPoolAwaitablesKey =
    "BlockingPoolAwaitables";
constexpr llvm::StringLiteral FactsDirectoryKey = "FactsDirectory";

} // namespace

/// The name a finding's key gives the call: the called function's.
static std::string calledName(const OwnCall &Call) {
  return Call.Names.empty() ? std::string() : Call.Names.front();
}

llvm::StringRef reachPhrase(BlockKind Kind) {
  constexpr llvm::StringLiteral Phrase[NumBlockKinds] = {
      "blocking sleep", "nested run", "blocking call to"};
  return Phrase[static_cast<unsigned>(Kind)];
}

std::string displayName(const FunctionDecl &F) {
  if (isLambdaCallOperator(&F))
    return "'lambda'";
  PrintingPolicy Policy = F.getASTContext().getPrintingPolicy();
  Policy.AnonymousTagLocations = false;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  OS << "'";
  F.getNameForDiagnostic(OS, Policy, /*Qualified=*/true);
  OS << "'";
  return Name;
}

CoroutineCallCheck::CoroutineCallCheck(llvm::StringRef Name,
                                       tidy::ClangTidyContext *Context,
                                       BlockKind Kind, Reports What)
    : ClangTidyCheck(Name, Context), Kind(Kind), What(What) {
  if (What == Reports::DirectAndFollowed)
    FollowCalls = Options.get(FollowCallsKey, true);
  auto List = [&](llvm::StringRef Key, std::string &Spec,
                   llvm::StringRef Default = "") {
    Spec = Options.getLocalOrGlobal(Key, Default).str();
    std::vector<std::string> Errors;
    NameList Parsed(Spec, Errors);
    for (const std::string &Error : Errors)
      configurationDiag("option '%0' of check '%1': %2", DiagnosticIDs::Error)
          << Key << Name << Error;
  };
  List(BlockingFunctionsKey, Shared.BlockingFunctions);
  List(AllowedFunctionsKey, Shared.AllowedFunctions);
  List(NonBlockingFunctionsKey, Shared.NonBlockingFunctions);
  List(OffloadFunctionsKey, Shared.OffloadFunctions, DefaultOffloadFunctions);
  List(BlockingPoolAwaitablesKey, Shared.BlockingPoolAwaitables);
  if (What != Reports::Direct)
    FactsDirectory = Options.getLocalOrGlobal(FactsDirectoryKey, "").str();
}

void CoroutineCallCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  if (What == Reports::DirectAndFollowed)
    Options.store(Opts, FollowCallsKey, FollowCalls);
  Options.store(Opts, BlockingFunctionsKey, Shared.BlockingFunctions);
  Options.store(Opts, AllowedFunctionsKey, Shared.AllowedFunctions);
  Options.store(Opts, NonBlockingFunctionsKey, Shared.NonBlockingFunctions);
  Options.store(Opts, OffloadFunctionsKey, Shared.OffloadFunctions);
  Options.store(Opts, BlockingPoolAwaitablesKey, Shared.BlockingPoolAwaitables);
  if (What != Reports::Direct)
    Options.store(Opts, FactsDirectoryKey, FactsDirectory);
}

void CoroutineCallCheck::registerMatchers(MatchFinder *Finder) {
  // Coroutines in system headers are the frameworks' own plumbing.
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(coroutineBodyStmt()),
                                  unless(isExpansionInSystemHeader()))
                         .bind("coroutine"),
                     this);
  // A front end that records facts needs the unit's functions even when it
  // has no coroutine.
  if (FactsRecorder::current())
    Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void CoroutineCallCheck::check(const MatchFinder::MatchResult &R) {
  if (R.Nodes.getNodeAs<TranslationUnitDecl>("unit")) {
    Unit = R.Context;
    return;
  }
  const auto *FD = R.Nodes.getNodeAs<FunctionDecl>("coroutine");
  std::optional<AsyncContext> Coro = asyncContextOf(*FD);
  if (!Coro)
    return;
  Analysis &A = Analysis::get(*R.Context, Shared);
  const bool Direct = What != Reports::Followed;
  const bool Follow = What != Reports::Direct && FollowCalls;
  forEachOwnCall(
      *Coro, *R.Context,
      [&](const Expr &Operand) { return A.onBlockingPool(Operand); },
      [&](const OwnCall &Call) {
        if (std::optional<Primitive> P = A.classify(Call)) {
          if (Direct && P->Kind == Kind &&
              firstReport(Call))
            checkDirect(Call, *P, *Coro, *R.Context);
          return;
        }
        if (!Follow)
          return;
        if (const FunctionDecl *Callee = A.followable(Call)) {
          Chain C = A.chain(*Callee, Kind);
          if (C.End) {
            if (firstReport(Call))
              reportChain(Call, *Callee, C, *Coro, A);
          } else {
            crossFile(Call, *Callee, /*DefinedHere=*/true, *Coro);
          }
        } else if (const FunctionDecl *Decl = A.external(Call)) {
          crossFile(Call, *Decl, /*DefinedHere=*/false, *Coro);
        }
      });
}

// With a FactsRecorder (the standalone corolint), the candidate's warning
// goes through clang-tidy like any other, so that NOLINT, --header-filter
// and the like decide whether it may be reported; corolint reports it if the
// merged facts find a chain. With a facts directory (the plugin, clangd),
// the chain is looked up at once and reported here.
void CoroutineCallCheck::crossFile(const OwnCall &Call,
                                   const FunctionDecl &Callee, bool DefinedHere,
                                   const AsyncContext &Coro) {
  FactsRecorder *Recorder = FactsRecorder::current();
  if (!Recorder && FactsDirectory.empty())
    return;
  std::optional<Candidate> C = candidateFor(Call, Callee, DefinedHere, Coro);
  if (!C || !firstReport(Call))
    return;
  if (Recorder) {
    diag(Call.Loc, "corolint-candidate %0") << Recorder->addCandidate(*C);
    return;
  }
  if (!Facts) {
    std::string Error;
    Facts = LoadedFacts::load(FactsDirectory, Error);
    if (!Facts) {
      configurationDiag("option '%0' of check '%1': %2", DiagnosticIDs::Error)
          << FactsDirectoryKey << getID() << Error;
      FactsDirectory.clear();
      return;
    }
  }
  FactChain Chain = Facts->chain(C->Check, C->CalleeUsr, C->Kind);
  if (!Chain.End)
    return;
  Report R = describe(*C, Chain);
  SourceManager &SM = Coro.Func->getASTContext().getSourceManager();
  diag(Call.Loc, "%0") << R.Message;
  for (const auto &[Loc, Text] : R.Notes) {
    SourceLocation At = locate(Loc, SM);
    if (At.isValid())
      diag(At, "%0", DiagnosticIDs::Note) << Text;
    else
      diag(Call.Loc, "%0 (%1:%2:%3)", DiagnosticIDs::Note)
          << Text << Loc.File << Loc.Line << Loc.Col;
  }
}

SourceLocation CoroutineCallCheck::locate(const FactLoc &L, SourceManager &SM) {
  if (!L.valid())
    return {};
  llvm::Expected<FileEntryRef> File = SM.getFileManager().getFileRef(L.File);
  if (!File) {
    llvm::consumeError(File.takeError());
    return {};
  }
  FileID ID = SM.translateFile(*File);
  if (ID.isInvalid())
    ID = SM.createFileID(*File, SourceLocation(), SrcMgr::C_User);
  return SM.translateLineCol(ID, L.Line, L.Col);
}

std::optional<Candidate>
CoroutineCallCheck::candidateFor(const OwnCall &Call, const FunctionDecl &Callee,
                                 bool DefinedHere, const AsyncContext &Coro) {
  const SourceManager &SM = Callee.getASTContext().getSourceManager();
  Candidate C;
  C.Check = getID().str();
  C.Kind = Kind;
  C.CalleeUsr = usrOf(Callee);
  C.CalleeName = displayName(*Call.Callee);
  C.CalleeDefinedHere = DefinedHere;
  C.Loc = FactLoc::of(Call.Loc, SM);
  C.ImplicitAt = FactLoc::of(Call.ImplicitAt, SM);
  C.Inside = Coro.isLambda() ? "inside a coroutine lambda"
                             : "inside coroutine " + displayName(*Coro.Func);
  C.CoroutineNote = Coro.isLambda()
                        ? "coroutine lambda declared here"
                        : "coroutine " + displayName(*Coro.Func) +
                              " declared here";
  C.CoroutineLoc = FactLoc::of(Coro.Func->getLocation(), SM);
  C.CoroFramework = Coro.framework();
  C.Function = qualifiedName(*Coro.Func);
  C.Called = calledName(Call);
  if (C.CalleeUsr.empty() || !C.Loc.valid())
    return std::nullopt;
  return C;
}

bool CoroutineCallCheck::firstReport(const OwnCall &Call) {
  return Reported
      .insert({Call.Loc.getRawEncoding(),
               Call.Names.empty() ? std::string() : Call.Names.back()})
      .second;
}

// The first check to start or finish drops the analyses on this thread; the
// others find nothing left to drop.
void CoroutineCallCheck::onStartOfTranslationUnit() {
  if (FactsRecorder *Recorder = FactsRecorder::current())
    Recorder->startUnit();
  Reported.clear();
  Analysis::releaseAll();
}

void CoroutineCallCheck::onEndOfTranslationUnit() {
  // A recorder takes the unit's functions; the analyses it reads stay until
  // the next unit starts.
  if (FactsRecorder *Recorder = FactsRecorder::current()) {
    if (Unit)
      Recorder->addInputs(Unit->getSourceManager());
    if (Unit && What != Reports::Direct && FollowCalls)
      Recorder->addGraph(getID(), Analysis::get(*Unit, Shared));
    Unit = nullptr;
    return;
  }
  Reported.clear();
  Analysis::releaseAll();
}

void CoroutineCallCheck::reportChain(const OwnCall &Call,
                                     const FunctionDecl &Callee, const Chain &C,
                                     const AsyncContext &Coro, Analysis &A) {
  const Primitive *P = C.End;
  warnAt(Call,
         ("call to %0 reaches " + reachPhrase(Kind) + " '%1'")
             .str(),
         {displayName(*Call.Callee), P->Name}, Coro);
  noteImplicit(Call);
  noteCoroutine(Coro);
  for (const Hop *H : C.Hops) {
    if (H->Site.ImplicitAt.isValid())
      diag(H->Site.ImplicitAt, "%0 implicitly calls %1 here",
           DiagnosticIDs::Note)
          << displayName(*H->Caller) << displayName(*H->Site.Callee);
    else if (H == C.Hops.back())
      diag(H->Site.Loc, "%0 calls '%1' here", DiagnosticIDs::Note)
          << displayName(*H->Caller) << P->Name;
    else
      diag(H->Site.Loc, "%0 calls %1 here", DiagnosticIDs::Note)
          << displayName(*H->Caller) << displayName(*H->Site.Callee);
  }
  noteChainAdvice(Call, C, Coro, Callee, A, Coro.Func->getASTContext());
}

DiagnosticBuilder CoroutineCallCheck::warnAt(const OwnCall &Call,
                                             llvm::StringRef Message,
                                             llvm::ArrayRef<std::string> Args,
                                             const AsyncContext &Coro) {
  const std::string Lambda = std::to_string(Args.size());
  const std::string Func = std::to_string(Args.size() + 1);
  if (FactsRecorder *Recorder = FactsRecorder::current())
    Recorder->addKey(
        {getID().str(),
         FactLoc::of(Call.Loc, Coro.Func->getASTContext().getSourceManager()),
         qualifiedName(*Coro.Func), calledName(Call)});
  DiagnosticBuilder D =
      diag(Call.Loc, (Message + " inside %select{coroutine %q" + Func +
                      "|a coroutine lambda}" + Lambda)
                         .str());
  for (const std::string &Arg : Args)
    D << Arg;
  return D << Coro.isLambda() << Coro.Func;
}

void CoroutineCallCheck::noteCoroutine(const AsyncContext &Coro) {
  diag(Coro.Func->getLocation(),
       "%select{coroutine %q1|coroutine lambda}0 declared here",
       DiagnosticIDs::Note)
      << Coro.isLambda() << Coro.Func;
}

DiagnosticBuilder CoroutineCallCheck::noteAt(const OwnCall &Call,
                                             llvm::StringRef Message) {
  return diag(Call.Loc, Message, DiagnosticIDs::Note);
}

void CoroutineCallCheck::noteImplicit(const OwnCall &Call) {
  if (Call.ImplicitAt.isValid())
    diag(Call.ImplicitAt, "%0 is called here", DiagnosticIDs::Note)
        << displayName(*Call.Callee);
}

} // namespace corolint
