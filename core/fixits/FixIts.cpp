//===--- FixIts.cpp - The findings of a unit, with their fix-its ---------===//

#include "FixIts.h"
#include "BlockingRules.h"
#include "Place.h"
#include "Rewrites.h"
#include "Stack.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace corolint {

namespace {

/// Adds the fix-its of each finding of one check, making the async rewrite
/// of a function once, at its first reported call.
class Fixer {
public:
  Fixer(UnitIndex &U, const FixOptions &Fix) : U(U), Fix(Fix) {}

  Finding withFixes(const RawFinding &R) {
    Finding F = R.F;
    if (!F.chain()) {
      F.Fixes = edits(awaitFixes(R.Site->Site, F.End, *R.Coro, U, Fix));
      return F;
    }
    AsyncRewrite Up = asyncRewrite(R);
    // A chain to a sleep or a blocking call keeps its advice where the
    // rewrite has no edits here.
    if (F.End.Kind == BlockKind::NestedRun || !Up.Fixes.empty() ||
        Up.Why == NoRewrite::AtFirstCall)
      F.Async = std::move(Up);
    return F;
  }

private:
  // A rewrite is made at the first reported call of any function it
  // changes; it covers every call of them all. One that would change a
  // function an earlier one changes too is not offered again.
  AsyncRewrite asyncRewrite(const RawFinding &R) {
    const FunctionDecl *B = R.Target->getCanonicalDecl();
    if (Offered.contains(B))
      return {NoRewrite::AtFirstCall, NoStr, {}};
    if (auto It = Refused.find(B); It != Refused.end())
      return It->second;
    if (!R.Path) // a chain always has its path
      return {};
    std::vector<const FunctionDecl *> Members;
    AsyncRewrite Made =
        asyncAllTheWayUp(*R.Path, *R.Coro, *R.Target, U, Fix, Members);
    if (llvm::any_of(Members, [&](const FunctionDecl *M) {
          return Offered.contains(M->getCanonicalDecl());
        }))
      Made = {NoRewrite::Overlap, NoStr, {}};
    if (Made.Fixes.empty())
      Refused[B] = Made;
    else
      for (const FunctionDecl *M : Members)
        Offered.insert(M->getCanonicalDecl());
    return Made;
  }

  std::vector<Edit> edits(llvm::ArrayRef<FixItHint> Hints) {
    std::vector<Edit> Out;
    for (const FixItHint &H : Hints)
      Out.push_back(U.places().edit(H.RemoveRange, H.CodeToInsert));
    return Out;
  }

  UnitIndex &U;
  const FixOptions &Fix;
  /// The functions the rewrites offered so far change.
  llvm::DenseSet<const FunctionDecl *> Offered;
  /// Why the rewrite at a function's calls has no edits, once found.
  llvm::DenseMap<const FunctionDecl *, AsyncRewrite> Refused;
};

} // namespace

std::vector<FixItHint> awaitFixes(const OwnCall &Site, const Primitive &Blocks,
                                  const AsyncContext &Coro, UnitIndex &U,
                                  const FixOptions &Fix) {
  ASTContext &Ctx = U.context();
  const ParentMap &Parents = U.parents(*Coro.Func);
  const Knowledge &K = U.knowledge();
  llvm::StringRef Name = U.pool()[Blocks.Name];
  if (Blocks.Kind == BlockKind::NestedRun) {
    if (std::optional<RunEntryPoint> Entry = U.runEntry(Name, Site, Coro))
      if (std::optional<FixItHint> Await =
              nestedRunToAwait(Site, *Entry, Coro, Ctx, Parents))
        return {*Await};
    return {};
  }
  if (Blocks.Kind == BlockKind::Sleep)
    if (const SleepFunction *Sleep = K.sleepFunction({Name.str()}))
      return sleepToAwait(Site, *Sleep, Coro, Ctx, Parents, K, Fix);
  if (const BlockingFunction *Row =
          K.blockingFunction({Name.str()}, /*OptIn=*/true);
      Row && !Row->Twin.empty()) {
    if (std::optional<FixItHint> Await =
            awaitableTwinToAwait(Site, *Row, Coro, Ctx, Parents))
      return {*Await};
    return {};
  }
  // A synchronous operation with an async twin (a timer's wait is a
  // sleep), or a Qt wait.
  if (std::optional<AsyncTwin> Twin = asyncTwin(Site, Ctx, K))
    return twinToAwait(Site, *Twin, Coro, Ctx, Parents, K, Fix);
  return qtWaitToAwait(Site, Coro, Ctx, Parents, K, Fix);
}

std::vector<Finding> findingsWithFixes(UnitIndex &U, CheckId Check,
                                       const FixOptions &Fix) {
  llvm::ArrayRef<RawFinding> Found = U.found();
  std::vector<Finding> Out;
  // Fix-its look at parents and uses: walks as deep as the code.
  runWithLargeStack([&] {
    Fixer F(U, Fix);
    for (const RawFinding &R : Found)
      if (R.F.Check == Check)
        Out.push_back(F.withFixes(R));
  });
  return Out;
}

} // namespace corolint
