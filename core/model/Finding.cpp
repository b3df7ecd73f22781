//===--- Finding.cpp - What corolint reports, as data --------------------===//

#include "Finding.h"
#include "EnumNames.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Regex.h"

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

bool liftedAcrossFiles(NoRewrite Why) {
  switch (Why) {
  case NoRewrite::None:
  case NoRewrite::DefinedElsewhere:
  case NoRewrite::DeclaredElsewhere:
  case NoRewrite::ReachesThrough:
  case NoRewrite::Virtual:
    return true;
  default:
    return false;
  }
}

bool givesReasonLiftedAcrossFiles(llvm::StringRef Note) {
  for (size_t Why = 0; Why < std::size(NoRewriteTexts); ++Why) {
    llvm::StringRef Text = NoRewriteTexts[Why];
    if (!liftedAcrossFiles(static_cast<NoRewrite>(Why)) || Text.empty())
      continue;
    // The text's fixed parts, in order, with anything for %0 and %1.
    std::string Pattern;
    while (true) {
      size_t Name = Text.find('%');
      Pattern += llvm::Regex::escape(Text.take_front(Name));
      if (Name == llvm::StringRef::npos)
        break;
      Pattern += ".*";
      Text = Text.drop_front(Name + 2);
    }
    if (llvm::Regex(Pattern).match(Note))
      return true;
  }
  return false;
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
  F.OmittedHops = C.Omitted;
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
