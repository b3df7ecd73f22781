//===--- Finding.cpp - What corolint reports, as data --------------------===//

#include "Finding.h"
#include "EnumNames.h"
#include "llvm/ADT/Twine.h"

namespace corolint {

namespace {

constexpr llvm::StringLiteral NoRewriteNames[] = {
#define COROLINT_NO_REWRITE(Id, Name, Text) Name,
#include "NoRewrite.def"
};
constexpr llvm::StringLiteral NoRewriteTexts[] = {
#define COROLINT_NO_REWRITE(Id, Name, Text) Text,
#include "NoRewrite.def"
};

} // namespace

llvm::StringRef noRewriteName(NoRewrite Why) {
  return NoRewriteNames[static_cast<size_t>(Why)];
}

std::optional<NoRewrite> noRewriteNamed(llvm::StringRef Name) {
  return enumNamed<NoRewrite>(NoRewriteNames, Name);
}

llvm::StringRef noRewriteText(NoRewrite Why) {
  return NoRewriteTexts[static_cast<size_t>(Why)];
}

/// What a virtual call's node adds to the function's USR.
constexpr llvm::StringLiteral DispatchSuffix = "#virtual";

std::string dispatchUsr(llvm::StringRef Usr) {
  return (llvm::Twine(Usr) + DispatchSuffix).str();
}

llvm::StringRef dispatchedFrom(llvm::StringRef DispatchUsr) {
  return DispatchUsr.drop_back(DispatchSuffix.size());
}

Finding resolve(const Candidate &Cand, const Chain &C) {
  Finding F = Cand.Pending;
  F.End = C.End;
  F.Hops = C.Hops;
  if (F.End.Kind == BlockKind::NestedRun) {
    // Across files the rewrite is only advised. (The first hop is a call
    // unless the callee makes the blocking call itself, as another unit's
    // body of an inline function may.)
    if (Cand.Virtual)
      F.Async = {NoRewrite::Virtual, NoStr, {}};
    else if (Cand.CalleeDefinedHere && C.Hops.size() > 1)
      F.Async = {NoRewrite::ReachesThrough, C.Hops.front().Callee, {}};
    else
      F.Async = {NoRewrite::DefinedElsewhere, NoStr, {}};
  }
  return F;
}

} // namespace corolint
