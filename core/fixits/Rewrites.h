//===--- Rewrites.h - Each kind of fix-it that writes co_await ------------===//
//
// The rewrites findingsWithFixes() chooses from, one per kind of blocking
// call. Each is offered only where the result compiles and means the same.
// Parents: the parents of the statements of Coro's body, where the call is.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FIXITS_REWRITES_H
#define COROLINT_FIXITS_REWRITES_H

#include "FixIts.h"
#include <optional>
#include <vector>

namespace corolint {

struct AsyncTwin;

/// The fix-its that replace the thread sleep Call, in Coro, by the
/// awaited timer of Coro's framework (or Fix's SleepReplacement), with the
/// includes it needs; none where the rewrite would not compile or would
/// change what the program means.
std::vector<clang::FixItHint>
sleepToAwait(const OwnCall &Call, const SleepFunction &Fn,
             const AsyncContext &Coro, clang::ASTContext &Ctx,
             const clang::ParentMap &Parents, const Knowledge &K,
             const FixOptions &Fix);

/// The fix-it that rewrites the nested run Call in Coro to `co_await`,
/// where Coro's framework is Entry's and the rewrite keeps the value.
std::optional<clang::FixItHint>
nestedRunToAwait(const OwnCall &Call, const RunEntryPoint &Entry,
                 const AsyncContext &Coro, clang::ASTContext &Ctx,
                 const clang::ParentMap &Parents);

/// The fix-its that rewrite the synchronous operation Call, in Coro, to its
/// async Twin awaited with Asio's `use_awaitable` (through `redirect_error`
/// where Call reports into an error_code), with the includes they need;
/// none where the value would change or the coroutine's executor differs.
std::vector<clang::FixItHint>
twinToAwait(const OwnCall &Call, const AsyncTwin &Twin,
            const AsyncContext &Coro, clang::ASTContext &Ctx,
            const clang::ParentMap &Parents, const Knowledge &K,
            const FixOptions &Fix);

/// The fix-it that rewrites Call, a blocking call of Row, to `co_await` of
/// the awaitable twin Row names with the same arguments (`c.fetch(k)` to
/// `co_await c.fetch_async(k)`), where the twin is declared beside the
/// function and the value is kept or not used.
std::optional<clang::FixItHint>
awaitableTwinToAwait(const OwnCall &Call, const BlockingFunction &Row,
                     const AsyncContext &Coro, clang::ASTContext &Ctx,
                     const clang::ParentMap &Parents);

/// The fix-its that rewrite Qt's synchronous wait Call, in the QCoro
/// coroutine Coro, to `co_await qCoro(obj).waitForX(...)`, with the header
/// of QCoro's wrapper.
std::vector<clang::FixItHint>
qtWaitToAwait(const OwnCall &Call, const AsyncContext &Coro,
              clang::ASTContext &Ctx, const clang::ParentMap &Parents,
              const Knowledge &K, const FixOptions &Fix);

/// The edits that make B, which C's first hop calls from Coro and which
/// reaches a blocking call along C, a coroutine of Coro's framework awaited
/// at every call, with the functions between B and the blocking call and
/// the plain callers that coroutines reach, each blocking call in them
/// awaited where it has an awaited form; or why there are none. Members:
/// the functions the rewrite makes coroutines, when it has edits.
AsyncRewrite
asyncAllTheWayUp(const Chain &C, const AsyncContext &Coro,
                 const clang::FunctionDecl &B, UnitIndex &U,
                 const FixOptions &Fix,
                 std::vector<const clang::FunctionDecl *> &Members);

/// The fix-its that rewrite the blocking call Site, which makes Blocks, in
/// Coro to `co_await` of its awaited form (a nested run's task, the awaited
/// timer, an async twin, QCoro's wait); none where the result would not
/// compile or would mean something else.
std::vector<clang::FixItHint> awaitFixes(const OwnCall &Site,
                                         const Primitive &Blocks,
                                         const AsyncContext &Coro, UnitIndex &U,
                                         const FixOptions &Fix);

} // namespace corolint

#endif // COROLINT_FIXITS_REWRITES_H
