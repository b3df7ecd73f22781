//===--- UnitIndex.h - What a translation unit's analysis answers ---------===//
//
// The fix-its see a translation unit's analysis only through this
// interface: each function's calls, walked once and classified, which
// functions are coroutines, where a function is used, how a nested run is
// awaited, and the findings before their fix-its. Analysis implements it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_AST_UNITINDEX_H
#define COROLINT_AST_UNITINDEX_H

#include "CoroutineContext.h"
#include "Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class ParentMap;
} // namespace clang

namespace corolint {

class PlaceMaker;

/// A call in a function's own code, classified.
struct ClassifiedCall {
  OwnCall Site;
  enum class Class : uint8_t {
    Other,    // nothing corolint follows
    Blocking, // a blocking call: Blocks
    Followed, // a plain function with a body here: Target is it
    External, // a function defined in another unit: Target declares it
    Virtual,  // a virtual call chosen at run time: Target is the function
              // named; it may run its body or any override's
  } What = Class::Other;
  Primitive Blocks;
  const clang::FunctionDecl *Target = nullptr;
  /// The name as called (the first of namesOf's), for calls in coroutines.
  StrId Called = NoStr;
  /// It runs an event loop that a coroutine doing nothing else may drive.
  bool DrivesLoop = false;
};

/// A use of a function's name, and the function it appears in (nullptr
/// outside any function).
struct Reference {
  const clang::Expr *Use;
  const clang::FunctionDecl *Enclosing;
  /// Whether Use is what a call calls (`f(...)`, `o.f(...)`), rather than
  /// the function's address taken or passed on.
  bool Called = false;
};

/// A finding (or a candidate, with no End) before the fix-its of its check:
/// the call and coroutine it comes from, and for a chain the plain function
/// called and the chain.
struct RawFinding {
  Finding F;
  const ClassifiedCall *Site = nullptr;
  const AsyncContext *Coro = nullptr;
  const clang::FunctionDecl *Target = nullptr;
  std::optional<Chain> Path;
  /// Whether Target's body is in this unit.
  bool DefinedHere = false;
};

class UnitIndex {
public:
  virtual ~UnitIndex() = default;

  virtual clang::ASTContext &context() const = 0;
  /// What corolint knows: the built-in rows and the user's.
  virtual const Knowledge &knowledge() const = 0;
  /// The pool of every name and path the findings use.
  virtual StringPool &pool() = 0;
  virtual PlaceMaker &places() = 0;

  /// Every finding of every check, in the order their coroutines are
  /// defined, each once per check, place and name called.
  virtual llvm::ArrayRef<RawFinding> found() = 0;
  /// F's own calls, walked once. For a coroutine, calls made after it
  /// awaits a blocking pool are left out.
  virtual const std::vector<ClassifiedCall> &
  callsOf(const clang::FunctionDecl &F) = 0;
  /// The coroutine F, if it is an asynchronous context.
  virtual const std::optional<AsyncContext> &
  contextOf(const clang::FunctionDecl &F) = 0;
  /// Whether a coroutine's own calls reach the plain function F, directly
  /// or through other plain functions (virtual calls included).
  virtual bool reachedFromCoroutine(const clang::FunctionDecl &F) = 0;
  /// Every use of F's name in the translation unit outside uninstantiated
  /// templates' instances.
  virtual llvm::ArrayRef<Reference>
  referencesTo(const clang::FunctionDecl &F) = 0;
  /// The parents of the statements in F's body, built once: the fix-its'
  /// view of where a call sits, without a parent map of the whole unit.
  virtual clang::ParentMap &parents(const clang::FunctionDecl &F) = 0;
  /// How the nested run named Name, called at Site, is awaited in Coro: its
  /// row, or for a function RunFunctions names, its first argument awaited
  /// when it is a task of Coro's framework or of Coro's own task type.
  virtual std::optional<RunEntryPoint>
  runEntry(llvm::StringRef Name, const OwnCall &Site,
           const AsyncContext &Coro) const = 0;
};

} // namespace corolint

#endif // COROLINT_AST_UNITINDEX_H
