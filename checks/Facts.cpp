//===--- Facts.cpp - What one translation unit tells the whole program ---===//

#include "Facts.h"
#include "BlockingCallCheck.h"
#include "BlockingSleepCheck.h"
#include "SyncCallsAsyncCheck.h"
#include "clang/AST/ASTLambda.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"
#include "clang/Index/USRGeneration.h"
#include <deque>

using namespace clang;

namespace corolint {

namespace {
thread_local FactsRecorder *Current = nullptr;
} // namespace

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
  FactLoc At = FactLoc::of((Def ? Def : &F)->getLocation(),
                           F.getASTContext().getSourceManager());
  return (USR + "@" + At.File + ":" + llvm::Twine(At.Offset)).str();
}

/// The file's real path (so that a header reached as "a/../inc/h.h" and as
/// "inc/h.h" is one file), or its name made absolute.
static std::string canonicalPath(const SourceManager &SM, FileID ID,
                                 llvm::StringRef Name) {
  if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(ID)) {
    llvm::StringRef Real = Entry->getFileEntry().tryGetRealPathName();
    if (!Real.empty())
      return Real.str();
  }
  llvm::SmallString<256> Path(Name);
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/false);
  return Path.str().str();
}

FactLoc FactLoc::of(SourceLocation Loc, const SourceManager &SM) {
  FactLoc L;
  if (Loc.isInvalid())
    return L;
  SourceLocation File = SM.getFileLoc(Loc);
  PresumedLoc P = SM.getPresumedLoc(File, /*UseLineDirectives=*/false);
  if (P.isInvalid())
    return L;
  L.File = canonicalPath(SM, SM.getFileID(File), P.getFilename());
  L.Line = P.getLine();
  L.Col = P.getColumn();
  L.Offset = SM.getFileOffset(File);
  return L;
}

std::string FactSink::alternative(Framework Id) const {
  if (!Suggestion.empty())
    return Suggestion;
  return Waits < 0 ? "" : alternativeFor(static_cast<Wait>(Waits), Id).str();
}

FactsRecorder *FactsRecorder::current() { return Current; }
void FactsRecorder::install(FactsRecorder *R) { Current = R; }

unsigned FactsRecorder::addCandidate(Candidate C) {
  Candidates.push_back(std::move(C));
  return Candidates.size() - 1;
}

void FactsRecorder::addInputs(const SourceManager &SM) {
  if (InputsFrom == &SM)
    return;
  InputsFrom = &SM;
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    std::optional<llvm::StringRef> Text = It->second->getBufferDataIfLoaded();
    if (!Text)
      continue;
    std::string Path = It->first.getFileEntry().tryGetRealPathName().str();
    if (Path.empty()) {
      llvm::SmallString<256> Name(It->first.getName());
      SM.getFileManager().makeAbsolutePath(Name);
      Path = Name.str().str();
    }
    Inputs.push_back({Path, llvm::xxh3_64bits(*Text)});
  }
  llvm::sort(Inputs);
  Inputs.erase(std::unique(Inputs.begin(), Inputs.end()), Inputs.end());
}

void FactsRecorder::addGraph(llvm::StringRef Check, Analysis &A) {
  for (size_t I = 0; I < Recorded.size(); ++I)
    if (Recorded[I] == &A) {
      Graphs[I].Checks.push_back(Check.str());
      return;
    }
  Recorded.push_back(&A);
  FactGraph &G = Graphs.emplace_back();
  G.Checks.push_back(Check.str());
  A.forEachDefinedFunction([&](const Analysis::Summary &S) {
    const SourceManager &SM = S.F->getASTContext().getSourceManager();
    FunctionFacts &F = G.Functions.emplace_back();
    F.Usr = usrOf(*S.F);
    F.Name = displayName(*S.F);
    F.Coroutine = S.Coroutine;
    F.NonBlocking = markedNonBlocking(*S.F);
    for (size_t I = 0; I < S.Calls.size(); ++I) {
      FactEdge &E = F.Edges.emplace_back();
      E.Usr = usrOf(*S.Into[I]);
      E.Name = displayName(*S.Calls[I].Site.Callee);
      E.Loc = FactLoc::of(S.Calls[I].Site.Loc, SM);
      E.ImplicitAt = FactLoc::of(S.Calls[I].Site.ImplicitAt, SM);
    }
    for (unsigned K = 0; K < NumBlockKinds; ++K) {
      if (!S.Sinks[K])
        continue;
      const Primitive &P = *S.Primitives[K];
      FactSink &Sink = F.Sinks[K].emplace();
      Sink.Name = P.Name;
      Sink.Loc = FactLoc::of(S.Sinks[K]->Site.Loc, SM);
      Sink.Suggestion = P.Suggestion;
      Sink.Waits = P.Blocking ? static_cast<int>(P.Blocking->Waits) : -1;
    }
  });
}

void FactsIndex::add(const FactGraph &G) {
  for (const std::string &Check : G.Checks) {
    PerCheck &P = Checks[Check];
    for (const FunctionFacts &F : G.Functions)
      if (!F.Usr.empty())
        P.Functions.try_emplace(F.Usr, &F);
    P.Solved = {};
  }
}

// A breadth-first search backwards from the functions that call a primitive
// of kind K themselves, over every unit's calls: linear in the calls.
void FactsIndex::solve(PerCheck &P, unsigned K) {
  P.Solved[K] = true;
  auto &Reach = P.Reach[K];
  Reach.clear();
  llvm::StringMap<std::vector<std::pair<const FunctionFacts *, int>>> Callers;
  std::deque<const FunctionFacts *> Queue;
  for (auto &Entry : P.Functions) {
    const FunctionFacts *F = Entry.second;
    if (F->Coroutine || F->NonBlocking)
      continue;
    for (size_t E = 0; E < F->Edges.size(); ++E)
      Callers[F->Edges[E].Usr].push_back({F, static_cast<int>(E)});
    if (F->Sinks[K]) {
      Reach[F->Usr] = {1, -1};
      Queue.push_back(F);
    }
  }
  while (!Queue.empty()) {
    const FunctionFacts *F = Queue.front();
    Queue.pop_front();
    unsigned D = Reach[F->Usr].first;
    auto It = Callers.find(F->Usr);
    if (It == Callers.end())
      continue;
    for (auto [Caller, Edge] : It->second)
      if (Reach.try_emplace(Caller->Usr, D + 1, Edge).second)
        Queue.push_back(Caller);
  }
}

FactChain FactsIndex::chain(llvm::StringRef Check, llvm::StringRef Usr,
                            BlockKind Kind) {
  FactChain C;
  auto PIt = Checks.find(Check);
  if (PIt == Checks.end())
    return C;
  PerCheck &P = PIt->second;
  unsigned K = static_cast<unsigned>(Kind);
  if (!P.Solved[K])
    solve(P, K);
  const FunctionFacts *F = P.Functions.lookup(Usr);
  if (!F || F->Coroutine || F->NonBlocking || !P.Reach[K].count(Usr))
    return C;
  while (true) {
    auto [D, Edge] = P.Reach[K].lookup(F->Usr);
    if (D == 1)
      break;
    C.Hops.push_back({F->Name, &F->Edges[Edge]});
    F = P.Functions.lookup(F->Edges[Edge].Usr);
  }
  C.Hops.push_back({F->Name, nullptr});
  C.Last = F;
  C.End = &*F->Sinks[K];
  return C;
}

std::string factsFilePath(llvm::StringRef Dir, llvm::StringRef SourceFile) {
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(
      Path, llvm::utohexstr(llvm::xxh3_64bits(SourceFile)) + ".json");
  return Path.str().str();
}

llvm::Expected<std::vector<std::string>> factsFilesIn(llvm::StringRef Dir) {
  std::error_code EC;
  std::vector<std::string> Files;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::sys::path::extension(It->path()) == ".json")
      Files.push_back(It->path());
  if (EC)
    return llvm::createStringError(EC, "cannot list '%s': %s",
                                   Dir.str().c_str(), EC.message().c_str());
  llvm::sort(Files);
  return Files;
}

std::shared_ptr<LoadedFacts> LoadedFacts::load(llvm::StringRef Dir,
                                               std::string &Error) {
  static std::mutex CacheMutex;
  static llvm::StringMap<
      std::pair<llvm::sys::TimePoint<>, std::shared_ptr<LoadedFacts>>>
      Cache;
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Dir, Status)) {
    Error = "cannot read the facts directory '" + Dir.str() +
            "': " + EC.message();
    return nullptr;
  }
  std::lock_guard<std::mutex> Lock(CacheMutex);
  auto &Entry = Cache[Dir];
  if (Entry.second && Entry.first == Status.getLastModificationTime())
    return Entry.second;
  auto Loaded = std::make_shared<LoadedFacts>();
  llvm::Expected<std::vector<std::string>> Files = factsFilesIn(Dir);
  if (!Files) {
    Error = "the facts directory: " + llvm::toString(Files.takeError());
    return nullptr;
  }
  for (const std::string &File : *Files) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    llvm::Expected<llvm::json::Value> V =
        Buffer ? llvm::json::parse((*Buffer)->getBuffer())
               : llvm::Expected<llvm::json::Value>(
                     llvm::errorCodeToError(Buffer.getError()));
    const llvm::json::Object *O = V ? V->getAsObject() : nullptr;
    std::vector<FactGraph> Graphs;
    llvm::json::Path::Root Root;
    if (!O || O->getInteger("format") != FactsFormatVersion ||
        !O->get("graphs") || !fromJSON(*O->get("graphs"), Graphs, Root)) {
      if (!V)
        llvm::consumeError(V.takeError());
      Error = "'" + File + "' is not a facts file of this corolint";
      return nullptr;
    }
    for (FactGraph &G : Graphs)
      Loaded->Graphs.push_back(std::move(G));
  }
  for (const FactGraph &G : Loaded->Graphs)
    Loaded->Index.add(G);
  Entry = {Status.getLastModificationTime(), Loaded};
  return Loaded;
}

FactChain LoadedFacts::chain(llvm::StringRef Check, llvm::StringRef Usr,
                             BlockKind Kind) {
  std::lock_guard<std::mutex> Lock(M);
  return Index.chain(Check, Usr, Kind);
}

Report describe(const Candidate &Cand, const FactChain &C) {
  Report R;
  R.Loc = Cand.Loc;
  R.Message = "call to " + Cand.CalleeName + " reaches " +
              reachPhrase(Cand.Kind).str() + " '" + C.End->Name + "' " +
              Cand.Inside;
  if (Cand.ImplicitAt.valid())
    R.Notes.push_back({Cand.ImplicitAt, Cand.CalleeName + " is called here"});
  R.Notes.push_back({Cand.CoroutineLoc, Cand.CoroutineNote});
  for (const FactHop &H : C.Hops) {
    if (!H.Edge)
      R.Notes.push_back({C.End->Loc, H.Caller + " calls '" + C.End->Name +
                                         "' here"});
    else if (H.Edge->ImplicitAt.valid())
      R.Notes.push_back({H.Edge->ImplicitAt, H.Caller + " implicitly calls " +
                                                 H.Edge->Name + " here"});
    else
      R.Notes.push_back(
          {H.Edge->Loc, H.Caller + " calls " + H.Edge->Name + " here"});
  }
  std::string Advice = crossFileAdvice(Cand, C);
  if (!Advice.empty())
    R.Notes.push_back({Cand.Loc, Advice});
  return R;
}

std::string crossFileAdvice(const Candidate &Cand, const FactChain &C) {
  switch (Cand.Kind) {
  case BlockKind::Sleep:
    return sleepAdvice(Cand.CoroFramework);
  case BlockKind::Call: {
    std::string Alternative = C.End->alternative(Cand.CoroFramework);
    return Alternative.empty() ? "" : alternativeAdvice(Alternative);
  }
  case BlockKind::NestedRun:
    // (The first hop has an edge unless the callee makes the call itself,
    // as another unit's body of an inline function may.)
    return asyncAdvice(Cand.CalleeName,
                       "no fix-it: " +
                           (Cand.CalleeDefinedHere && C.Hops.front().Edge
                                ? Cand.CalleeName + " reaches it through " +
                                      C.Hops.front().Edge->Name
                                : Cand.CalleeName + " is defined in another file"));
  }
  return "";
}

// JSON: short keys, as a large unit records many calls.

llvm::json::Value toJSON(const FactLoc &L) {
  if (!L.valid())
    return nullptr;
  return llvm::json::Array{L.File, L.Line, L.Col, L.Offset};
}

bool fromJSON(const llvm::json::Value &V, FactLoc &L, llvm::json::Path P) {
  L = FactLoc();
  if (V.kind() == llvm::json::Value::Null)
    return true;
  const llvm::json::Array *A = V.getAsArray();
  if (!A || A->size() != 4) {
    P.report("expected [file, line, column, offset]");
    return false;
  }
  std::optional<llvm::StringRef> File = (*A)[0].getAsString();
  std::optional<int64_t> Line = (*A)[1].getAsInteger(),
                         Col = (*A)[2].getAsInteger(),
                         Offset = (*A)[3].getAsInteger();
  if (!File || !Line || !Col || !Offset) {
    P.report("expected [file, line, column, offset]");
    return false;
  }
  L.File = File->str();
  L.Line = *Line;
  L.Col = *Col;
  L.Offset = *Offset;
  return true;
}

static llvm::json::Value toJSON(const FactSink &S) {
  return llvm::json::Object{{"name", S.Name},
                            {"at", toJSON(S.Loc)},
                            {"suggestion", S.Suggestion},
                            {"waits", S.Waits}};
}

static bool fromJSON(const llvm::json::Value &V, FactSink &S,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("name", S.Name) && O.map("at", S.Loc) &&
         O.map("suggestion", S.Suggestion) && O.map("waits", S.Waits);
}

static llvm::json::Value toJSON(const FactEdge &E) {
  return llvm::json::Object{{"usr", E.Usr},
                            {"name", E.Name},
                            {"at", toJSON(E.Loc)},
                            {"implicit", toJSON(E.ImplicitAt)}};
}

static bool fromJSON(const llvm::json::Value &V, FactEdge &E,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("usr", E.Usr) && O.map("name", E.Name) &&
         O.map("at", E.Loc) && O.map("implicit", E.ImplicitAt);
}

static llvm::json::Value toJSON(const FunctionFacts &F) {
  llvm::json::Array Edges, Sinks;
  for (const FactEdge &E : F.Edges)
    Edges.push_back(toJSON(E));
  for (const std::optional<FactSink> &S : F.Sinks)
    Sinks.push_back(S ? toJSON(*S) : llvm::json::Value(nullptr));
  return llvm::json::Object{{"usr", F.Usr},
                            {"name", F.Name},
                            {"coroutine", F.Coroutine},
                            {"nonblocking", F.NonBlocking},
                            {"calls", std::move(Edges)},
                            {"sinks", std::move(Sinks)}};
}

static bool fromJSON(const llvm::json::Value &V, FunctionFacts &F,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  std::vector<std::optional<FactSink>> Sinks;
  if (!(O && O.map("usr", F.Usr) && O.map("name", F.Name) &&
        O.map("coroutine", F.Coroutine) &&
        O.map("nonblocking", F.NonBlocking) && O.map("calls", F.Edges) &&
        O.map("sinks", Sinks)))
    return false;
  if (Sinks.size() != NumBlockKinds) {
    P.field("sinks").report("expected one entry per kind of primitive");
    return false;
  }
  std::copy(Sinks.begin(), Sinks.end(), F.Sinks.begin());
  return true;
}

llvm::json::Value toJSON(const FactGraph &G) {
  llvm::json::Array Functions;
  for (const FunctionFacts &F : G.Functions)
    Functions.push_back(toJSON(F));
  return llvm::json::Object{{"checks", G.Checks},
                            {"functions", std::move(Functions)}};
}

bool fromJSON(const llvm::json::Value &V, FactGraph &G, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("checks", G.Checks) && O.map("functions", G.Functions);
}

llvm::json::Value toJSON(const Candidate &C) {
  return llvm::json::Object{
      {"check", C.Check},
      {"kind", static_cast<int>(C.Kind)},
      {"callee_usr", C.CalleeUsr},
      {"callee", C.CalleeName},
      {"callee_defined_here", C.CalleeDefinedHere},
      {"at", toJSON(C.Loc)},
      {"implicit", toJSON(C.ImplicitAt)},
      {"inside", C.Inside},
      {"coroutine_note", C.CoroutineNote},
      {"coroutine_at", toJSON(C.CoroutineLoc)},
      {"framework", static_cast<int>(C.CoroFramework)},
      {"function", C.Function},
      {"called", C.Called}};
}

bool fromJSON(const llvm::json::Value &V, Candidate &C, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  int Kind = 0, FW = 0;
  if (!(O && O.map("check", C.Check) && O.map("kind", Kind) &&
        O.map("callee_usr", C.CalleeUsr) && O.map("callee", C.CalleeName) &&
        O.map("callee_defined_here", C.CalleeDefinedHere) &&
        O.map("at", C.Loc) && O.map("implicit", C.ImplicitAt) &&
        O.map("inside", C.Inside) && O.map("coroutine_note", C.CoroutineNote) &&
        O.map("coroutine_at", C.CoroutineLoc) && O.map("framework", FW) &&
        O.map("function", C.Function) && O.map("called", C.Called)))
    return false;
  if (Kind < 0 || Kind >= static_cast<int>(NumBlockKinds)) {
    P.field("kind").report("not a kind of primitive");
    return false;
  }
  C.Kind = static_cast<BlockKind>(Kind);
  C.CoroFramework = static_cast<Framework>(FW);
  return true;
}

llvm::json::Value toJSON(const FindingKey &K) {
  return llvm::json::Object{{"check", K.Check},
                            {"at", toJSON(K.Loc)},
                            {"function", K.Function},
                            {"called", K.Called}};
}

bool fromJSON(const llvm::json::Value &V, FindingKey &K, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("check", K.Check) && O.map("at", K.Loc) &&
         O.map("function", K.Function) && O.map("called", K.Called);
}

} // namespace corolint
