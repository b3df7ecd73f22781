//===--- ProgramRewrite.cpp - Async all the way up, across files ----------===//
//
// The plan comes from the merged graph, which holds every function's calls
// (coroutines' too) with their places: the members are the functions of
// the chain's path, and every plain caller of a member that a coroutine
// reaches; the other plain callers are roots. Each unit that reads a file
// where a member is defined, declared or called gives its edits
// (rewriteInUnit); the edits of all units, once each, are checked by
// parsing every unit that reads a changed file with the new texts.
//
//===----------------------------------------------------------------------===//

#include "ProgramRewrite.h"
#include "Program.h"
#include "Render.h"
#include "llvm/Support/MemoryBuffer.h"
#include <deque>

namespace corolint {

namespace {

/// The whole program's calls: by the place of the call, and by callee.
class Calls {
public:
  explicit Calls(const Program &P) {
    for (const Graph *G : P.graphs())
      for (NodeId N = 0; N < G->size(); ++N)
        add(*G, N);
  }

  /// The function the call at (File, Offset) calls, if the graph has it.
  std::optional<StrId> calleeAt(const Place &At) const {
    auto It = ByPlace.find({At.File, At.Offset});
    if (It == ByPlace.end())
      return std::nullopt;
    return It->second;
  }

  /// The functions Usr calls; for a virtual call's node, the bodies it
  /// may run.
  llvm::ArrayRef<StrId> callees(StrId Usr) const {
    auto It = Callees.find(Usr);
    if (It == Callees.end())
      return {};
    return It->second;
  }

  struct Function {
    StrId Name = NoStr;
    bool Defined = false, Coroutine = false, Dispatch = false;
    /// Its callers and where each calls it.
    std::vector<std::pair<StrId, Place>> Callers;
    /// The files its own calls are in: where it is defined.
    std::set<StrId> DefinedIn;
  };
  const Function *function(StrId Usr) const {
    auto It = Functions.find(Usr);
    return It == Functions.end() ? nullptr : &It->second;
  }

  /// Whether a coroutine's calls reach the plain function Usr, directly or
  /// through other plain functions.
  bool reachedFromCoroutine(StrId Usr) {
    if (!Reached) {
      Reached.emplace();
      std::deque<StrId> Work;
      for (const auto &[Id, F] : Functions)
        if (F.Coroutine)
          Work.push_back(Id);
      while (!Work.empty()) {
        StrId From = Work.front();
        Work.pop_front();
        for (StrId To : Callees[From])
          if (const Function *F = function(To);
              F && !F->Coroutine && Reached->insert(To).second)
            Work.push_back(To);
      }
    }
    return Reached->count(Usr) != 0;
  }

private:
  void add(const Graph &G, NodeId N) {
    const Node &From = G[N];
    Function &F = Functions[From.Usr];
    F.Name = From.Name;
    F.Defined |= From.Defined;
    F.Coroutine |= From.Coroutine && From.Defined;
    F.Dispatch |= From.Dispatch;
    for (const Edge &E : G.edges(N)) {
      const Node &To = G[E.To];
      Functions[To.Usr].Callers.push_back({From.Usr, E.At});
      Callees[From.Usr].push_back(To.Usr);
      if (!E.Dispatch) {
        ByPlace[{E.At.File, E.At.Offset}] = To.Usr;
        F.DefinedIn.insert(E.At.File);
      }
    }
    for (unsigned K = 0; K < NumBlockKinds; ++K)
      if (const Sink &S = G.sink(N, static_cast<BlockKind>(K)); !S.empty())
        F.DefinedIn.insert(S.At.File);
  }

  std::map<std::pair<StrId, uint32_t>, StrId> ByPlace;
  std::map<StrId, Function> Functions;
  std::map<StrId, std::vector<StrId>> Callees;
  std::optional<std::set<StrId>> Reached;
};

/// The first of Errors that says where it is (not clang's "too many
/// errors"), else the first.
const std::string &firstError(const std::vector<std::string> &Errors) {
  for (const std::string &E : Errors)
    if (!llvm::StringRef(E).starts_with("error: "))
      return E;
  return Errors.front();
}

/// A whole-program rewrite being made: its plan, the files whose units
/// must give their edits, and why it cannot be made, once known.
struct Attempt {
  ProgramRewritePlan Plan;
  std::set<StrId> Seeds;
  AsyncRewrite Result;
  bool refused() const { return Result.Why != NoRewrite::None; }
};

class Rewriter {
public:
  Rewriter(Results &R, StringPool &S, const Program &P,
           const clang::tooling::CompilationDatabase &DB,
           const TidyFlags &Flags, llvm::StringRef SourceRoot)
      : R(R), S(S), Graph(P), DB(DB), Flags(Flags), SourceRoot(SourceRoot) {}

  /// The rewrite for F, whose coroutine calls B: made once per B, offered
  /// at the first chain into any function it changes.
  AsyncRewrite rewrite(const Finding &F, StrId B) {
    if (Offered.count(B))
      return {NoRewrite::AtFirstCall, NoStr, {}};
    auto Known = Made.find(B);
    if (Known != Made.end())
      return Known->second;
    Attempt A;
    A.Plan.TaskRow = S[F.Coro.Task].str();
    A.Plan.SourceRoot = SourceRoot.str();
    A.Seeds.insert(F.At.File);
    plan(F, B, A);
    if (!A.refused())
      edits(A);
    if (!A.refused())
      verify(A);
    // The note names another function only when it is not the one called.
    if (A.Result.Subject == F.Callee)
      A.Result.Subject = NoStr;
    // Another chain into any of these functions (or this virtual call) is
    // rewritten by this one.
    if (!A.refused()) {
      Offered.insert(B);
      for (const std::string &Member : A.Plan.Members)
        Offered.insert(S.intern(Member));
    }
    return Made[B] = A.Result;
  }

  unsigned parsed() const { return Parsed; }
  std::optional<StrId> calleeAt(const Place &At) const {
    return Graph.calleeAt(At);
  }

private:
  /// The members: the path's functions, then the plain callers coroutines
  /// reach; the roots: the other plain callers.
  void plan(const Finding &F, StrId B, Attempt &A) {
    if (F.OmittedHops) // its path alone passes what a rewrite takes
      return refuse(A, NoRewrite::TooLarge,
                    S.intern("more than " + std::to_string(MaxChainHops)));
    std::vector<StrId> Members{B};
    for (const Hop &H : llvm::ArrayRef(F.Hops).drop_back()) {
      // Into an override from a virtual call: it joins with its family.
      if (H.Dispatch)
        continue;
      std::optional<StrId> Next = Graph.calleeAt(H.At);
      if (H.Implicit || !Next)
        return refuse(A, NoRewrite::ReachesThrough, H.Callee, H.Caller);
      Members.push_back(*Next);
    }
    const Hop &End = F.Hops.back();
    if (!End.Implicit)
      A.Plan.MustAwait.insert({S[End.At.File].str(), End.At.Offset});
    std::set<StrId> IsMember(Members.begin(), Members.end());
    auto Join = [&](StrId Id) {
      if (IsMember.insert(Id).second)
        Members.push_back(Id);
    };
    for (size_t I = 0; I < Members.size(); ++I) {
      const Calls::Function *M = Graph.function(Members[I]);
      if (!M || !M->Defined)
        return refuse(A, NoRewrite::NotInDatabase, NoStr,
                      M ? M->Name : F.Callee);
      if (M->Dispatch) {
        // A virtual function's family changes together: the function
        // (declared, perhaps pure) and every body a call of it may run.
        A.Plan.Members.insert(dispatchedFrom(S[Members[I]]).str());
        llvm::for_each(Graph.callees(Members[I]), Join);
      } else {
        A.Plan.Members.insert(S[Members[I]].str());
        A.Seeds.insert(M->DefinedIn.begin(), M->DefinedIn.end());
      }
      for (const auto &[Caller, At] : M->Callers) {
        A.Seeds.insert(At.File);
        const Calls::Function *C = Graph.function(Caller);
        if (!C || C->Coroutine || IsMember.count(Caller))
          continue;
        if (C->Dispatch || Graph.reachedFromCoroutine(Caller))
          Join(Caller);
        else
          A.Plan.Roots.insert(S[Caller].str());
      }
    }
  }

  /// Each unit that reads a seed gives its edits; a unit that declares a
  /// member in a file no unit parsed yet reads makes that file a seed.
  void edits(Attempt &A) {
    std::set<std::string> Done;
    std::set<std::pair<std::string, uint32_t>> Seen;
    for (bool More = true; More && !A.refused();) {
      More = false;
      for (const auto &[Unit, Read] : R.Units) {
        if (Done.count(Unit) || !readsSeed(Read, A.Seeds))
          continue;
        Done.insert(Unit);
        More = true;
        std::optional<UnitRewrite> Got;
        std::vector<std::string> Errors = rewriteFile(
            Unit, DB, Flags, [&](UnitIndex &U, const FixOptions &Fix) {
              Got = rewriteInUnit(A.Plan, U, Fix, S);
            });
        ++Parsed;
        if (!Errors.empty())
          return refuse(A, NoRewrite::NotParsed, S.intern(firstError(Errors)));
        if (!Got)
          continue;
        if (Got->Result.Why != NoRewrite::None) {
          A.Result = Got->Result;
          return;
        }
        for (const std::string &File : Got->DeclaredIn)
          A.Seeds.insert(S.intern(File));
        for (const Edit &E : Got->Result.Fixes)
          if (Seen.insert({S[E.At.File].str() + "\n" + E.Text, E.At.Offset})
                  .second)
            A.Result.Fixes.push_back(E);
      }
    }
  }

  /// The edits, applied to their files' texts, compile in every unit that
  /// reads a changed file.
  void verify(Attempt &A) {
    std::vector<Edit> &Edits = A.Result.Fixes;
    llvm::sort(Edits, [&](const Edit &L, const Edit &Rt) {
      return std::make_tuple(S[L.At.File], L.At.Offset, L.Length) <
             std::make_tuple(S[Rt.At.File], Rt.At.Offset, Rt.Length);
    });
    std::map<std::string, std::string> Texts;
    for (size_t I = 0; I < Edits.size(); ++I) {
      const Edit &E = Edits[I];
      if (I && Edits[I - 1].At.File == E.At.File &&
          Edits[I - 1].At.Offset + Edits[I - 1].Length > E.At.Offset)
        return refuse(A, NoRewrite::Overlap, NoStr);
      std::string Path = S[E.At.File].str();
      if (!Texts.count(Path)) {
        auto Buffer = llvm::MemoryBuffer::getFile(Path);
        if (!Buffer)
          return refuse(A, NoRewrite::NotParsed,
                        S.intern(Path + ": " + Buffer.getError().message()));
        Texts[Path] = (*Buffer)->getBuffer().str();
      }
    }
    // From the end backwards, so that offsets stay true.
    for (const Edit &E : llvm::reverse(Edits)) {
      std::string &Text = Texts[S[E.At.File].str()];
      if (E.At.Offset + E.Length > Text.size())
        return refuse(A, NoRewrite::NotParsed, NoStr);
      Text.replace(E.At.Offset, E.Length, E.Text);
    }
    // A unit the checks did not run in (below C++20) says nothing of what
    // it reads: it is compiled too.
    std::vector<std::string> Units;
    for (const auto &Unit : R.Units)
      if (Unit.second.empty() || llvm::any_of(Texts, [&](const auto &T) {
            return Unit.second.count(T.first) != 0;
          }))
        Units.push_back(Unit.first);
    auto [Unit, Errors] = compileWith(Units, DB, Flags, Texts);
    Parsed += Units.size();
    if (!Errors.empty())
      refuse(A, NoRewrite::WouldNotCompile,
             S.intern("in " + Unit + ", " + firstError(Errors)));
  }

  bool readsSeed(const std::set<std::string> &Read,
                 const std::set<StrId> &Seeds) const {
    return llvm::any_of(Seeds,
                        [&](StrId File) { return Read.count(S[File].str()); });
  }

  void refuse(Attempt &A, NoRewrite Why, StrId Arg, StrId Subject = NoStr) {
    A.Result = {Why, Arg, {}, Subject};
  }

  Results &R;
  StringPool &S;
  Calls Graph;
  const clang::tooling::CompilationDatabase &DB;
  const TidyFlags &Flags;
  llvm::StringRef SourceRoot;
  std::map<StrId, AsyncRewrite> Made;
  std::set<StrId> Offered;
  unsigned Parsed = 0;
};

/// Whether F's chain needs the rewrite across files: its own file's
/// fix-its have none, for a reason other files may lift.
bool needsOtherFiles(const Finding &F) {
  return F.chain() && F.Async.Fixes.empty() && !F.ImplicitAt.valid() &&
         F.Coro.Task != NoStr && liftedAcrossFiles(F.Async.Why);
}

} // namespace

unsigned rewriteAcrossFiles(Results &R, StringPool &S, const Program &P,
                            const clang::tooling::CompilationDatabase &DB,
                            const TidyFlags &Flags,
                            llvm::StringRef SourceRoot) {
  if (llvm::none_of(R.Findings,
                    [](const Reported &F) { return needsOtherFiles(F.F); }))
    return 0;
  Rewriter Up(R, S, P, DB, Flags, SourceRoot);
  for (Reported &Rep : R.Findings) {
    Finding &F = Rep.F;
    if (!needsOtherFiles(F))
      continue;
    std::optional<StrId> B = Up.calleeAt(F.At);
    if (!B)
      continue;
    AsyncRewrite Made = Up.rewrite(F, *B);
    // A chain to a sleep or a blocking call keeps its advice unless there
    // are edits; a nested run's note says why there are none.
    if (Made.Fixes.empty() &&
        (F.End.Kind != BlockKind::NestedRun || F.Async.Why == NoRewrite::None))
      continue;
    F.Async = std::move(Made);
    Rep.Messages = render(F, S);
  }
  return Up.parsed();
}

} // namespace corolint
