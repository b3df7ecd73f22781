//===--- Finding.cpp - What corolint reports, as data --------------------===//

#include "Finding.h"
#include "EnumNames.h"

namespace corolint {

namespace {

constexpr llvm::StringLiteral NoRewriteNames[] = {
    "none",
    "at-first-call",
    "unknown-task-type",
    "reaches-through",
    "virtual",
    "special-function",
    "template",
    "cannot-be-coroutine",
    "no-fix-its",
    "task-name-hidden",
    "declared-elsewhere",
    "declared-together",
    "holds-lock",
    "no-await-rewrite",
    "return-in-macro",
    "returns-braced-list",
    "qualified-return",
    "used-outside",
    "call-not-awaitable",
    "binds-reference",
    "not-only-calls",
    "overlap",
    "defined-elsewhere",
};
static_assert(std::size(NoRewriteNames) ==
                  static_cast<size_t>(NoRewrite::DefinedElsewhere) + 1,
              "one name per reason");

} // namespace

llvm::StringRef noRewriteName(NoRewrite Why) {
  return NoRewriteNames[static_cast<size_t>(Why)];
}

std::optional<NoRewrite> noRewriteNamed(llvm::StringRef Name) {
  return enumNamed<NoRewrite>(NoRewriteNames, Name);
}

Finding resolve(const Candidate &Cand, const Chain &C) {
  Finding F = Cand.Pending;
  F.End = C.End;
  F.Hops = C.Hops;
  if (F.End.Kind == BlockKind::NestedRun) {
    // Across files the rewrite is only advised. (The first hop is a call
    // unless the callee makes the blocking call itself, as another unit's
    // body of an inline function may.)
    if (Cand.CalleeDefinedHere && C.Hops.size() > 1)
      F.Async = {NoRewrite::ReachesThrough, C.Hops.front().Callee, {}};
    else
      F.Async = {NoRewrite::DefinedElsewhere, NoStr, {}};
  }
  return F;
}

} // namespace corolint
