//===--- Facts.h - What one translation unit tells the whole program -----===//
//
// clang-tidy sees one file at a time. To find chains that cross files, each
// translation unit records facts: for every plain function it defines (by
// USR), the calls it makes into other functions and the first blocking
// primitive of each kind it calls itself; and every call in a coroutine that
// may reach a primitive through another file (a candidate). FactsIndex
// merges the facts of every unit and finds the shortest chain from any
// function, across files, to a primitive.
//
// The standalone corolint records facts while the checks run (a FactsRecorder
// is current on the thread), writes them per file, and reports candidates
// that the merged index resolves.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FACTS_H
#define COROLINT_FACTS_H

#include "Analysis.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
class SourceManager;
class SourceLocation;
} // namespace clang

namespace corolint {

/// The version of the per-file facts format (corolint --facts-out).
constexpr int FactsFormatVersion = 2;

/// Where the facts of SourceFile go in a facts directory or the cache:
/// Dir/<hash of its path>.json.
std::string factsFilePath(llvm::StringRef Dir, llvm::StringRef SourceFile);

/// The facts files in Dir (every *.json), sorted.
llvm::Expected<std::vector<std::string>> factsFilesIn(llvm::StringRef Dir);

/// F's Unified Symbol Resolution: the same in every unit that declares it.
std::string usrOf(const clang::FunctionDecl &F);

/// A place in a file: the path as the compiler saw it, 1-based line and
/// column, and the byte offset.
struct FactLoc {
  std::string File;
  unsigned Line = 0, Col = 0, Offset = 0;
  bool valid() const { return !File.empty(); }
  static FactLoc of(clang::SourceLocation Loc, const clang::SourceManager &SM);
};

/// The first primitive of one kind a function calls itself.
struct FactSink {
  std::string Name;
  FactLoc Loc;
  /// What to use instead (for blocking calls): the option's suggestion, or
  /// the table's kind of wait; -1 when none.
  std::string Suggestion;
  int Waits = -1;
  std::string alternative(Framework Id) const;
};

/// A call from a function into another function, by USR.
struct FactEdge {
  std::string Usr, Name; // Name as messages show it, quoted
  FactLoc Loc, ImplicitAt;
};

/// A function defined in a translation unit.
struct FunctionFacts {
  std::string Usr, Name;
  bool Coroutine = false; // calls of a coroutine do not run its body
  bool NonBlocking = false; // marked so where it is defined: not followed
  std::vector<FactEdge> Edges;
  std::array<std::optional<FactSink>, NumBlockKinds> Sinks;
};

/// The functions of one unit as one set of options classifies them, and the
/// checks that use those options.
struct FactGraph {
  std::vector<std::string> Checks;
  std::vector<FunctionFacts> Functions;
};

/// A call in a coroutine that reaches no primitive of Kind within its unit
/// but may through another: reported if the merged facts find a chain.
struct Candidate {
  std::string Check;
  BlockKind Kind = BlockKind::Call;
  std::string CalleeUsr, CalleeName;
  bool CalleeDefinedHere = false;
  FactLoc Loc, ImplicitAt;
  /// "inside coroutine 'f'" or "inside a coroutine lambda", and the note
  /// that points at the coroutine.
  std::string Inside, CoroutineNote;
  FactLoc CoroutineLoc;
  Framework CoroFramework = Framework::Unknown;
  /// The enclosing coroutine's qualified name and the name called, for
  /// baselines (as FindingKey has them).
  std::string Function, Called;
};

/// What a warning is about, beyond its text: the coroutine it is in and the
/// name it calls. Baselines key findings by them.
struct FindingKey {
  std::string Check;
  FactLoc Loc;
  std::string Function, Called;
};

/// Collects one unit's facts while its checks run; one recorder serves one
/// unit.
class FactsRecorder {
public:
  /// The recorder of this thread's unit, if a front end installed one.
  static FactsRecorder *current();
  /// Installs R for this thread (nullptr removes it).
  static void install(FactsRecorder *R);

  /// Adds C and returns its number.
  unsigned addCandidate(Candidate C);
  void addKey(FindingKey K) { Keys.push_back(std::move(K)); }
  /// Records A's functions for Check, once per analysis.
  void addGraph(llvm::StringRef Check, Analysis &A);

  /// A unit starts: a file with several compile commands is parsed once
  /// for each, into the same recorder.
  void startUnit() {
    Recorded.clear();
    Recorded.resize(Graphs.size(), nullptr);
    InputsFrom = nullptr;
  }
  /// Records the files the unit was parsed from, each with a hash of the
  /// text parsed.
  void addInputs(const clang::SourceManager &SM);

  std::vector<Candidate> Candidates;
  std::vector<FindingKey> Keys;
  std::vector<FactGraph> Graphs;
  std::vector<std::pair<std::string, uint64_t>> Inputs;

private:
  std::vector<const Analysis *> Recorded; // this unit's, parallel to Graphs
  const clang::SourceManager *InputsFrom = nullptr;
};

/// One step of a chain found in the merged facts.
struct FactHop {
  std::string Caller; // the function the call is in, quoted
  const FactEdge *Edge = nullptr; // nullptr for the last hop
};

struct FactChain {
  std::vector<FactHop> Hops;
  const FunctionFacts *Last = nullptr; // the function that calls End
  const FactSink *End = nullptr;
};

/// The facts of every unit, merged: a function defined in several units
/// (inline, in a header) counts once.
class FactsIndex {
public:
  void add(const FactGraph &G);
  /// The shortest chain from the function Usr to a primitive of Kind, under
  /// Check's options; no End when there is none.
  FactChain chain(llvm::StringRef Check, llvm::StringRef Usr, BlockKind Kind);

private:
  struct PerCheck {
    llvm::StringMap<const FunctionFacts *> Functions;
    // Distance to a primitive of each kind (0: none) and the edge taken.
    std::array<llvm::StringMap<std::pair<unsigned, int>>, NumBlockKinds> Reach;
    std::array<bool, NumBlockKinds> Solved{};
  };
  void solve(PerCheck &P, unsigned K);
  llvm::StringMap<PerCheck> Checks;
};

/// The graphs of every facts file in a directory that corolint --facts-out
/// wrote, indexed; what the plugin reads to see chains across files.
class LoadedFacts {
public:
  /// The facts of Dir, read once per process and again when the directory
  /// changes; nullptr and Error when it cannot be read.
  static std::shared_ptr<LoadedFacts> load(llvm::StringRef Dir,
                                           std::string &Error);
  FactChain chain(llvm::StringRef Check, llvm::StringRef Usr, BlockKind Kind);

private:
  std::vector<FactGraph> Graphs;
  std::mutex M; // clangd's threads share one index
  FactsIndex Index;
};

/// The warning and notes of a candidate that C resolves, as text.
struct Report {
  std::string Message;
  FactLoc Loc;
  std::vector<std::pair<FactLoc, std::string>> Notes;
};
Report describe(const Candidate &Cand, const FactChain &C);

/// What to do instead, for a candidate that C resolves: the note that ends
/// its report, as each check words it (in the check's own file).
std::string crossFileAdvice(const Candidate &Cand, const FactChain &C);

llvm::json::Value toJSON(const FactLoc &L);
llvm::json::Value toJSON(const FactGraph &G);
llvm::json::Value toJSON(const Candidate &C);
llvm::json::Value toJSON(const FindingKey &K);
bool fromJSON(const llvm::json::Value &V, FactLoc &L, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactGraph &G, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, Candidate &C, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FindingKey &K, llvm::json::Path P);

} // namespace corolint

#endif // COROLINT_FACTS_H
