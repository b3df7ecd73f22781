//===--- BlockingRules.h - Whether a call blocks, by tables and rules -----===//
//
// Decides, call by call, whether a call the tables know blocks here (a flag
// that makes it poll, a descriptor made non-blocking or awaited before, the
// stream it reads), and finds the blocking calls no list can hold: the
// synchronous twin of an asynchronous operation (`read_some` beside
// `async_read_some` with a completion token) and the synchronous methods of
// generated gRPC stubs.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_AST_BLOCKINGRULES_H
#define COROLINT_AST_BLOCKINGRULES_H

#include "Checks.h"
#include "CoroutineContext.h"
#include "Knowledge.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ParentMap;
} // namespace clang

namespace corolint {

/// What a function's body says about its descriptors and calls, gathered
/// on first use: which descriptors it made non-blocking, where it awaited
/// one, which FILE*s popen opened, where it called what.
class FunctionEvidence {
public:
  FunctionEvidence(const clang::FunctionDecl &F, clang::ParentMap &Parents,
                   const Knowledge &K);

  /// Whether the function made the descriptor Fd non-blocking.
  bool nonBlocking(const clang::ValueDecl *Fd) const;
  /// Whether the function awaited an operand naming Fd before At.
  bool awaitedBefore(const clang::ValueDecl *Fd, clang::SourceLocation At,
                     const clang::SourceManager &SM) const;
  /// Whether the function tests for EAGAIN, EWOULDBLOCK or EINPROGRESS (or
  /// std::errc's names for them): it expects its descriptors not to block.
  bool expectsWouldBlock() const { return ExpectsWouldBlock; }
  /// Whether File holds what popen returned.
  bool fromPopen(const clang::ValueDecl *File) const;
  /// Whether the function called a function named Name before At.
  bool calledBefore(llvm::StringRef Name, clang::SourceLocation At,
                    const clang::SourceManager &SM) const;
  /// Whether E's value is thrown away: an expression statement, or a cast
  /// to void.
  bool discarded(const clang::Expr &E) const;

private:
  clang::ParentMap &Parents;
  llvm::DenseSet<const clang::ValueDecl *> NonBlocking, Popened;
  std::vector<std::pair<const clang::ValueDecl *, clang::SourceLocation>>
      Awaits;
  llvm::StringMap<std::vector<clang::SourceLocation>> Calls;
  bool ExpectsWouldBlock = false;
};

/// A blocking call the tables or the rules know.
struct KnownBlocking {
  BlockKind Kind = BlockKind::Call;
  /// The name it is reported under.
  std::string Name;
  Wait Waits = Wait::None;
  /// What to use instead, when more is known than the wait's alternative.
  std::string Advice;
};

/// Whether Call, one of whose names is Names, is a known blocking call in
/// the function Evidence describes (asked for only when a row needs it);
/// opt-in rows only when OptIn. A row matches only where IsLibrary says the
/// call calls the library's function of its name.
std::optional<KnownBlocking>
knownBlocking(const OwnCall &Call, llvm::ArrayRef<std::string> Names,
              bool OptIn,
              llvm::function_ref<const FunctionEvidence &()> Evidence,
              clang::ASTContext &Ctx, const Knowledge &K,
              llvm::function_ref<bool(llvm::StringRef)> IsLibrary);

/// The asynchronous twin of a synchronous operation.
struct AsyncTwin {
  /// The twin's name: `async_read_some`.
  std::string Name;
  /// The arguments passed on to the twin, from the first.
  unsigned Leading = 0;
  /// The call's last argument is an `error_code&` the twin reports into.
  bool ErrorCode = false;
  /// The value the twin completes with equals the call's: the call's value
  /// may be used after the rewrite.
  bool SameValue = false;
  /// The class that decides the family, or nullptr.
  const TwinClass *Class = nullptr;
};

/// The async twin of the function Call calls, when it has one.
std::optional<AsyncTwin> asyncTwin(const OwnCall &Call, clang::ASTContext &Ctx,
                                   const Knowledge &K);

/// Every variable, member and member function E names.
void namedIn(const clang::Expr &E,
             llvm::SmallVectorImpl<const clang::ValueDecl *> &Out);

/// Whether E names one of Names ('|'-separated): an enumerator
/// (`MSG_DONTWAIT`, `QEventLoop::WaitForMoreEvents`) or a macro expanded in
/// it (`O_NONBLOCK`, `F_SETLKW`).
bool mentions(const clang::Expr &E, llvm::StringRef Names,
              const clang::ASTContext &Ctx);

} // namespace corolint

#endif // COROLINT_AST_BLOCKINGRULES_H
