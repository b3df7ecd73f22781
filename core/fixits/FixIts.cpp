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
  Fixer(UnitIndex &U, const FixOptions &Fix)
      : U(U), Ctx(U.context()), K(U.knowledge()), Fix(Fix) {}

  Finding withFixes(const RawFinding &R) {
    Finding F = R.F;
    llvm::StringRef Name = U.pool()[F.End.Name];
    const OwnCall &Site = R.Site->Site;
    if (F.chain()) {
      if (F.End.Kind == BlockKind::NestedRun)
        F.Async = asyncRewrite(R);
    } else if (F.End.Kind == BlockKind::NestedRun) {
      if (std::optional<RunEntryPoint> Entry = U.runEntry(Name, Site, *R.Coro))
        if (std::optional<FixItHint> Await =
                nestedRunToAwait(Site, *Entry, *R.Coro, Ctx))
          F.Fixes = edits(*Await);
    } else if (const SleepFunction *Sleep = F.End.Kind == BlockKind::Sleep
                                                ? K.sleepFunction({Name.str()})
                                                : nullptr) {
      F.Fixes = edits(sleepToAwait(Site, *Sleep, *R.Coro, Ctx, K, Fix));
    } else if (const BlockingFunction *Row =
                   K.blockingFunction({Name.str()}, /*OptIn=*/true);
               Row && !Row->Twin.empty()) {
      if (std::optional<FixItHint> Await =
              awaitableTwinToAwait(Site, *Row, *R.Coro, Ctx))
        F.Fixes = edits(*Await);
    } else if (std::optional<AsyncTwin> Twin = asyncTwin(Site, Ctx, K)) {
      // A synchronous operation with an async twin (a timer's wait is a
      // sleep), or a Qt wait.
      F.Fixes = edits(twinToAwait(Site, *Twin, *R.Coro, Ctx, K, Fix));
    } else {
      F.Fixes = edits(qtWaitToAwait(Site, *R.Coro, Ctx, K, Fix));
    }
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
    auto [It, New] = Refused.try_emplace(B);
    if (!New || !R.Path) // a chain always has its path
      return It->second;
    std::vector<const FunctionDecl *> Members;
    AsyncRewrite Made =
        asyncAllTheWayUp(*R.Path, *R.Coro, *R.Target, U, Members);
    if (llvm::any_of(Members, [&](const FunctionDecl *M) {
          return Offered.contains(M->getCanonicalDecl());
        }))
      Made = {NoRewrite::Overlap, NoStr, {}};
    else
      for (const FunctionDecl *M : Members)
        Offered.insert(M->getCanonicalDecl());
    if (Made.Fixes.empty())
      It->second = Made;
    else
      Refused.erase(B);
    return Made;
  }

  std::vector<Edit> edits(llvm::ArrayRef<FixItHint> Hints) {
    std::vector<Edit> Out;
    for (const FixItHint &H : Hints)
      Out.push_back(U.places().edit(H.RemoveRange, H.CodeToInsert));
    return Out;
  }

  UnitIndex &U;
  ASTContext &Ctx;
  const Knowledge &K;
  const FixOptions &Fix;
  /// The functions the rewrites offered so far change.
  llvm::DenseSet<const FunctionDecl *> Offered;
  /// Why the rewrite at a function's calls has no edits, once found.
  llvm::DenseMap<const FunctionDecl *, AsyncRewrite> Refused;
};

} // namespace

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
