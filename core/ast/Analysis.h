//===--- Analysis.h - One translation unit's findings --------------------===//
//
// Everything corolint learns from one translation unit, computed once and
// shared by every check that reads the same options: the coroutines defined
// outside system headers, each function's own calls walked once and
// classified (a blocking call of some kind, a call into a plain function to
// follow, a call into a function defined elsewhere), the graph of the plain
// functions they reach with the shortest chains, and from these the
// findings of every check (before their fix-its, which the fix-its layer
// adds) and the candidates that other translation units may complete.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_AST_ANALYSIS_H
#define COROLINT_AST_ANALYSIS_H

#include "Options.h"
#include "Place.h"
#include "UnitIndex.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class ParentMap;
} // namespace clang

namespace corolint {

class FunctionEvidence;

class Analysis final : public UnitIndex {
public:
  using Call = ClassifiedCall;

  /// The analysis of Ctx's translation unit under Opts. Everything: the
  /// graph holds every function the unit defines outside system headers
  /// (for facts), not only those coroutines reach.
  Analysis(clang::ASTContext &Ctx, std::shared_ptr<const ParsedOptions> Opts,
           bool Everything);
  ~Analysis() override;

  bool everything() const { return Everything; }
  const ParsedOptions &options() const { return *Opts; }
  const std::shared_ptr<const ParsedOptions> &sharedOptions() const {
    return Opts;
  }
  std::shared_ptr<StringPool> strings() const { return Strings; }
  /// The graph of what the coroutines reach (of everything, for facts).
  const Graph &graph();

  /// The calls, for Check, that may reach a blocking call of its kind
  /// through another translation unit.
  std::vector<Candidate> candidates(CheckId Check);

  // UnitIndex
  clang::ASTContext &context() const override { return Ctx; }
  const Knowledge &knowledge() const override { return Opts->knowledge(); }
  StringPool &pool() override { return *Strings; }
  PlaceMaker &places() override { return Places; }
  llvm::ArrayRef<RawFinding> found() override;
  const std::vector<Call> &callsOf(const clang::FunctionDecl &F) override;
  const std::optional<AsyncContext> &
  contextOf(const clang::FunctionDecl &F) override;
  llvm::ArrayRef<Reference> referencesTo(const clang::FunctionDecl &F) override;
  bool reachedFromCoroutine(const clang::FunctionDecl &F) override;
  clang::ParentMap &parents(const clang::FunctionDecl &F) override;
  std::optional<RunEntryPoint>
  runEntry(llvm::StringRef Name, const OwnCall &Site,
           const AsyncContext &Coro) const override;

private:
  struct Function;
  Function &function(const clang::FunctionDecl &F);
  void run();
  void build();
  void collect();
  void classify(Call &C, llvm::ArrayRef<std::string> Names,
                const clang::FunctionDecl &In);
  bool classifyBlocking(Call &C, llvm::ArrayRef<std::string> Names,
                        const clang::FunctionDecl &In);
  void markCold(const clang::FunctionDecl &F, std::vector<Call> &Calls);
  /// Whether code before At in In (or, in a lambda, before the lambda in
  /// the function that made it) made Root ready.
  bool readyBefore(const clang::Stmt &At, const clang::ValueDecl &Root,
                   const clang::FunctionDecl &In, unsigned Depth);
  bool readyAt(const clang::CXXMemberCallExpr &Wait,
               const clang::FunctionDecl &In);
  bool ownCoroutine(const AsyncContext &Coro);
  bool cleanedUp(const Call &Dtor, const AsyncContext &Coro);
  const FunctionEvidence &evidence(const clang::FunctionDecl &F);
  bool isLibraryFunction(const OwnCall &Call, llvm::StringRef Name) const;
  std::optional<bool> onBlockingPool(const clang::Expr &Operand) const;
  NodeId nodeOf(const clang::FunctionDecl &F);
  /// The node of a virtual call of M: an edge to each body it may run.
  NodeId dispatchNodeOf(const clang::FunctionDecl &M);
  /// The node a call into a function (Followed, External, Virtual) leads
  /// to: its callee's, or the virtual call's.
  NodeId calleeNode(const Call &C);
  /// Each virtual function's bodies defined in Defined: its own, its
  /// overrides' at any depth.
  void indexOverriders(llvm::ArrayRef<const clang::FunctionDecl *> Defined);
  /// The bodies here that C runs: its callee's, or for a virtual call each
  /// one it may run.
  llvm::ArrayRef<const clang::FunctionDecl *> bodiesRun(const Call &C) const;
  void scan(const clang::FunctionDecl &F, NodeId N);
  /// Marks the functions the coroutines' calls reach, once the graph is
  /// built.
  void markReached();
  /// Frees F's calls; callsOf() walks them again if asked.
  void forgetCalls(const clang::FunctionDecl &F);
  Finding pending(const Call &C, const AsyncContext &Coro);

  clang::ASTContext &Ctx;
  std::shared_ptr<const ParsedOptions> Opts;
  const bool Everything;
  std::shared_ptr<StringPool> Strings;
  PlaceMaker Places;
  Graph G;
  bool Ran = false;
  std::deque<Function> Functions; // stays where it is as it grows
  llvm::DenseMap<const clang::FunctionDecl *, Function *> ByDecl;
  std::deque<std::optional<AsyncContext>> Contexts;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<clang::ParentMap>>
      Parents;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionEvidence>>
      Evidence;
  /// By canonical declaration, in the order first met.
  llvm::MapVector<const clang::FunctionDecl *,
                  std::vector<const clang::FunctionDecl *>>
      Overriders;
  llvm::DenseMap<const clang::FunctionDecl *, NodeId> DispatchNodes;
  /// The unit's own coroutines, in the order they are defined.
  std::vector<const AsyncContext *> Coroutines;
  std::vector<RawFinding> Found;      // findings without fix-its
  std::vector<RawFinding> Candidates; // with no End
  std::optional<
      llvm::DenseMap<const clang::FunctionDecl *, std::vector<Reference>>>
      References;
};

/// Whether D or one of its redeclarations carries
/// [[clang::annotate(Annotation)]].
bool hasAnnotation(const clang::Decl &D, llvm::StringRef Annotation);

/// Whether D is marked COROLINT_NONBLOCKING: calls are not followed into it.
bool markedNonBlocking(const clang::Decl &D);
/// Whether D is marked COROLINT_BLOCKING: a call to it blocks.
bool markedBlocking(const clang::Decl &D);

/// F's Unified Symbol Resolution: the same in every unit that declares it.
std::string usrOf(const clang::FunctionDecl &F);

} // namespace corolint

#endif // COROLINT_AST_ANALYSIS_H
