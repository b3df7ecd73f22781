//===--- Rewrite.h - Fix-its that write co_await -------------------------===//
//
// Every fix-it corolint offers: a thread sleep becomes the framework's
// awaited timer, a nested run that keeps its value becomes `co_await`, and a
// plain function that runs a coroutine to completion becomes a coroutine
// awaited at every call ("async all the way up"). A fix-it is offered only
// where the result compiles and means the same.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CORE_REWRITE_H
#define COROLINT_CORE_REWRITE_H

#include "CoroutineContext.h"
#include "Finding.h"
#include "clang/Basic/Diagnostic.h"
#include <functional>
#include <optional>
#include <string>

namespace corolint {

class Analysis;
struct AsyncTwin;

/// What one check's fix-its need beyond the AST.
struct FixOptions {
  /// The awaited sleep for coroutines whose framework has none, with %0
  /// for the duration; empty when there is none.
  llvm::StringRef SleepReplacement;
  /// A header the replacement needs, as an #include names it.
  llvm::StringRef SleepReplacementHeader;
  /// An edit that includes Header in File, unless it is there already.
  std::function<std::optional<clang::FixItHint>(clang::FileID File,
                                                llvm::StringRef Header)>
      Include;
};

/// The fix-its that replace the thread sleep Call, in Coro, by the
/// awaited timer of Coro's framework (or Fix's SleepReplacement), with the
/// includes it needs; none where the rewrite would not compile or would
/// change what the program means.
std::vector<clang::FixItHint> sleepToAwait(const OwnCall &Call,
                                           const SleepFunction &Fn,
                                           const AsyncContext &Coro,
                                           clang::ASTContext &Ctx,
                                           const FixOptions &Fix);

/// The fix-it that rewrites the nested run Call in Coro to `co_await`,
/// where Coro's framework is Entry's and the rewrite keeps the value.
std::optional<clang::FixItHint> nestedRunToAwait(const OwnCall &Call,
                                                 const RunEntryPoint &Entry,
                                                 const AsyncContext &Coro,
                                                 clang::ASTContext &Ctx);

/// The fix-its that rewrite the synchronous operation Call, in Coro, to its
/// async Twin awaited with Asio's `use_awaitable` (through `redirect_error`
/// where Call reports into an error_code), with the includes they need;
/// none where the value would change or the coroutine's executor differs.
std::vector<clang::FixItHint> twinToAwait(const OwnCall &Call,
                                          const AsyncTwin &Twin,
                                          const AsyncContext &Coro,
                                          clang::ASTContext &Ctx,
                                          const FixOptions &Fix);

/// The fix-its that rewrite Qt's synchronous wait Call, in the QCoro
/// coroutine Coro, to `co_await qCoro(obj).waitForX(...)`, with the header
/// of QCoro's wrapper.
std::vector<clang::FixItHint> qtWaitToAwait(const OwnCall &Call,
                                            const AsyncContext &Coro,
                                            clang::ASTContext &Ctx,
                                            const FixOptions &Fix);

/// The edits that make B, which C's first hop calls from Coro and which
/// reaches a nested run along C, a coroutine of Coro's framework awaited at
/// every call, or why there are none.
AsyncRewrite asyncAllTheWayUp(const Chain &C, const AsyncContext &Coro,
                              const clang::FunctionDecl &B, Analysis &A);

} // namespace corolint

#endif // COROLINT_CORE_REWRITE_H
