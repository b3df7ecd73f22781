//===--- Analysis.h - One translation unit's findings --------------------===//
//
// Everything corolint learns from one translation unit, computed once and
// shared by every check that reads the same options: the coroutines defined
// outside system headers, each function's own calls walked once and
// classified (a blocking call of some kind, a call into a plain function to
// follow, a call into a function defined elsewhere), the graph of the plain
// functions they reach with the shortest chains, and from these the
// findings of every check and the candidates that other translation units
// may complete.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CORE_ANALYSIS_H
#define COROLINT_CORE_ANALYSIS_H

#include "CoroutineContext.h"
#include "Finding.h"
#include "Options.h"
#include "Rewrite.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class ParentMap;
} // namespace clang

namespace corolint {

class FunctionEvidence;

class Analysis {
public:
  /// A call in a function's own code, classified.
  struct Call {
    OwnCall Site;
    enum class Class : uint8_t {
      Other,    // nothing corolint follows
      Blocking, // a blocking call: Blocks
      Followed, // a plain function with a body here: Target is it
      External, // a function defined in another unit: Target declares it
    } What = Class::Other;
    Primitive Blocks;
    const clang::FunctionDecl *Target = nullptr;
    /// The name as called (the first of namesOf's), for calls in coroutines.
    StrId Called = NoStr;
    /// It runs an event loop that a coroutine doing nothing else may drive.
    bool DrivesLoop = false;
  };

  /// The analysis of Ctx's translation unit under Opts, made on first use
  /// and shared by every check that asks with the same options. Everything:
  /// the graph holds every function the unit defines outside system
  /// headers (for facts), not only those coroutines reach.
  static Analysis &get(clang::ASTContext &Ctx,
                       std::shared_ptr<const ParsedOptions> Opts,
                       bool Everything);
  /// Forgets this thread's analyses; front ends call it when a unit starts
  /// and ends.
  static void releaseAll();

  Analysis(clang::ASTContext &Ctx, std::shared_ptr<const ParsedOptions> Opts,
           bool Everything);
  ~Analysis();

  /// Check's findings, in the order their coroutines are defined, each once
  /// per place and name called, with their fix-its.
  std::vector<Finding> findings(CheckId Check, const FixOptions &Fix);
  /// The calls, for Check, that may reach a blocking call of its kind
  /// through another translation unit.
  std::vector<Candidate> candidates(CheckId Check);

  const ParsedOptions &options() const { return *Opts; }
  /// How the nested run named Name, called at Site, is awaited in Coro: its
  /// row, or for a function RunFunctions names, its first argument awaited
  /// when it is a task of Coro's framework or of Coro's own task type.
  std::optional<RunEntryPoint> runEntry(llvm::StringRef Name,
                                        const OwnCall &Site,
                                        const AsyncContext &Coro) const;
  std::shared_ptr<StringPool> strings() const { return Strings; }
  Graph &graph() { return G; }

  /// F's own calls, walked once. For a coroutine, calls made after it
  /// awaits a blocking pool are left out.
  const std::vector<Call> &callsOf(const clang::FunctionDecl &F);
  /// The coroutine F, if it is an asynchronous context.
  const std::optional<AsyncContext> &contextOf(const clang::FunctionDecl &F);

  /// A use of a function's name, and the function it appears in (nullptr
  /// outside any function).
  struct Reference {
    const clang::Expr *Use;
    const clang::FunctionDecl *Enclosing;
  };
  /// Every use of F's name in the translation unit outside uninstantiated
  /// templates' instances; indexed on first use.
  llvm::ArrayRef<Reference> referencesTo(const clang::FunctionDecl &F);

  clang::ASTContext &context() const { return Ctx; }
  PlaceMaker &places() { return Places; }

private:
  struct Function;
  struct Raw;
  Function &function(const clang::FunctionDecl &F);
  void run();
  void build();
  void fixFindings(CheckId Check, const FixOptions &Fix,
                   std::vector<Finding> &Out);
  void classify(Call &C, llvm::ArrayRef<std::string> Names,
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
  clang::ParentMap &parents(const clang::FunctionDecl &F);
  const FunctionEvidence &evidence(const clang::FunctionDecl &F);
  bool isLibraryFunction(const OwnCall &Call, llvm::StringRef Name) const;
  std::optional<bool> onBlockingPool(const clang::Expr &Operand) const;
  NodeId nodeOf(const clang::FunctionDecl &F);
  void scan(const clang::FunctionDecl &F, NodeId N);
  Finding pending(const Call &C, const AsyncContext &Coro);
  std::vector<Edit> edits(llvm::ArrayRef<clang::FixItHint> Hints);

  clang::ASTContext &Ctx;
  std::shared_ptr<const ParsedOptions> Opts;
  const bool Everything;
  std::shared_ptr<StringPool> Strings;
  PlaceMaker Places;
  Graph G;
  bool Ran = false;
  std::vector<std::unique_ptr<Function>> Functions;
  llvm::DenseMap<const clang::FunctionDecl *, Function *> ByDecl;
  std::vector<Raw> Found;      // findings without fix-its
  std::vector<Raw> Candidates; // with no End
  llvm::DenseMap<const clang::FunctionDecl *, AsyncRewrite> Rewrites;
  std::optional<llvm::DenseMap<const clang::FunctionDecl *,
                               std::vector<Reference>>>
      References;
};

/// Whether D or one of its redeclarations carries
/// [[clang::annotate(Annotation)]].
bool hasAnnotation(const clang::Decl &D, llvm::StringRef Annotation);

/// Whether D is marked COROLINT_NONBLOCKING: calls are not followed into it.
bool markedNonBlocking(const clang::Decl &D);

/// F's Unified Symbol Resolution: the same in every unit that declares it.
std::string usrOf(const clang::FunctionDecl &F);

} // namespace corolint

#endif // COROLINT_CORE_ANALYSIS_H
