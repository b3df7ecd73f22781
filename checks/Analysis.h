//===--- Analysis.h - What calls block, and what plain functions reach ----===//
//
// Classifies calls as blocking primitives (a sleep, a nested run, a blocking
// call) and summarizes, for every plain function reached from a coroutine,
// the shortest chain of calls down to each kind of primitive. One Analysis
// serves every check of a translation unit that reads the same options.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_ANALYSIS_H
#define COROLINT_ANALYSIS_H

#include "CoroutineContext.h"
#include "NameList.h"
#include "llvm/ADT/DenseMap.h"
#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace corolint {

enum class BlockKind : unsigned char { Sleep, NestedRun, Call };
constexpr unsigned NumBlockKinds = 3;

/// A call to something that blocks its thread.
struct Primitive {
  BlockKind Kind = BlockKind::Call;
  /// The qualified name the call matched, as messages show it.
  std::string Name;
  const SleepFunction *Sleep = nullptr; // for BlockKind::Sleep
  const RunEntryPoint *Run = nullptr;   // for BlockKind::NestedRun
  /// For a blocking call: the table's row, if it is in the table, and the
  /// suggestion its BlockingFunctions entry gives, if any.
  const BlockingFunction *Blocking = nullptr;
  std::string Suggestion;

  /// What to use instead of a blocking call in a coroutine of framework Id;
  /// empty when nothing is known.
  std::string alternative(Framework Id) const;
};

/// The options that decide what blocks and what is followed; every check
/// reads them, locally or globally, under these keys.
struct AnalysisOptions {
  std::string BlockingFunctions;
  std::string AllowedFunctions;
  std::string NonBlockingFunctions;
  std::string OffloadFunctions;
  std::string BlockingPoolAwaitables;

  bool operator==(const AnalysisOptions &O) const {
    return BlockingFunctions == O.BlockingFunctions &&
           AllowedFunctions == O.AllowedFunctions &&
           NonBlockingFunctions == O.NonBlockingFunctions &&
           OffloadFunctions == O.OffloadFunctions &&
           BlockingPoolAwaitables == O.BlockingPoolAwaitables;
  }
};

/// The default of OffloadFunctions: calls whose callable arguments run on
/// another thread or executor.
extern const char DefaultOffloadFunctions[];

/// One step of a chain: Site, in plain function Caller, calls the next
/// function of the chain or, at the end, the primitive.
struct Hop {
  const clang::FunctionDecl *Caller = nullptr;
  OwnCall Site;
};

/// The shortest way from a plain function down to a primitive: one hop per
/// call, the last one calling End.
struct Chain {
  std::vector<const Hop *> Hops;
  const Primitive *End = nullptr;
};

class Analysis {
public:
  /// The analysis of Ctx's translation unit under Opts, made on first use
  /// and shared by every check that asks with the same options.
  static Analysis &get(clang::ASTContext &Ctx, const AnalysisOptions &Opts);
  /// Forgets this thread's analyses; checks call it when a unit starts and
  /// ends.
  static void releaseAll();

  Analysis(clang::ASTContext &Ctx, const AnalysisOptions &Opts);
  ~Analysis();

  /// The primitive Call calls, if it calls one.
  std::optional<Primitive> classify(const OwnCall &Call) const;

  /// The definition Call leads into when calls are followed: a plain
  /// function with a body outside system headers, called directly, neither
  /// marked non-blocking nor an offloading function; else nullptr.
  const clang::FunctionDecl *followable(const OwnCall &Call) const;

  /// The function Call leads into in another translation unit: one this
  /// unit declares without a body, called directly, outside system headers,
  /// neither marked non-blocking nor an offloading function; else nullptr.
  const clang::FunctionDecl *external(const OwnCall &Call) const;

  /// Calls F visits for every function the unit defines outside system
  /// headers and every function they lead into: its own calls into
  /// followable and external functions, and its first primitive of each
  /// kind. Coroutines come with no calls.
  struct Summary {
    const clang::FunctionDecl *F;
    bool Coroutine;
    llvm::ArrayRef<Hop> Calls; // Calls[I].Site.Callee leads into Into[I]
    llvm::ArrayRef<const clang::FunctionDecl *> Into;
    std::array<const Hop *, NumBlockKinds> Sinks;
    std::array<const Primitive *, NumBlockKinds> Primitives;
  };
  void forEachDefinedFunction(llvm::function_ref<void(const Summary &)> F);

  /// The shortest chain of calls from F down to a primitive of Kind; no
  /// hops when there is none.
  Chain chain(const clang::FunctionDecl &F, BlockKind Kind);

  /// Whether awaiting Operand moves the coroutine onto a blocking pool.
  bool onBlockingPool(const clang::Expr &Operand) const;

  /// A use of a function's name, and the function it appears in (nullptr
  /// outside any function).
  struct Reference {
    const clang::Expr *Use;
    const clang::FunctionDecl *Enclosing;
  };
  /// Every use of F's name in the translation unit outside uninstantiated
  /// templates' instances; indexed on first use.
  llvm::ArrayRef<Reference> referencesTo(const clang::FunctionDecl &F);

private:
  struct Node;
  bool isLibraryFunction(const OwnCall &Call, llvm::StringRef Name) const;
  unsigned nodeFor(const clang::FunctionDecl &F);
  void scan(Node &N);
  void summarize(unsigned Root);

  clang::ASTContext &Ctx;
  AnalysisOptions Opts;
  std::vector<std::string> Errors; // reported by the checks, not here
  NameList Blocking, Allowed, NonBlocking, Offload, BlockingPool;
  std::vector<std::unique_ptr<Node>> Nodes;
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> Index;
  std::optional<llvm::DenseMap<const clang::FunctionDecl *,
                               std::vector<Reference>>>
      References;
};

/// Whether D or one of its redeclarations carries
/// [[clang::annotate(Annotation)]].
bool hasAnnotation(const clang::Decl &D, llvm::StringRef Annotation);

/// Whether D is marked COROLINT_NONBLOCKING: calls are not followed into it.
bool markedNonBlocking(const clang::Decl &D);

} // namespace corolint

#endif // COROLINT_ANALYSIS_H
