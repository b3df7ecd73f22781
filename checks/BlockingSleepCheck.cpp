//===--- BlockingSleepCheck.cpp - coro-blocking-sleep ---------------------===//

#include "BlockingSleepCheck.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace corolint {

namespace {

constexpr llvm::StringLiteral SleepReplacementKey = "SleepReplacement";
constexpr llvm::StringLiteral SleepReplacementIncludeKey =
    "SleepReplacementInclude";

} // namespace

BlockingSleepCheck::BlockingSleepCheck(llvm::StringRef Name,
                                       tidy::ClangTidyContext *Context,
                                       std::shared_ptr<Session> S)
    : CoroutineCheck(Name, Context, std::move(S), CheckId::BlockingSleep,
                     /*WithIncludes=*/true),
      SleepReplacement(Options.get(SleepReplacementKey, "")),
      SleepReplacementInclude(Options.get(SleepReplacementIncludeKey, "")) {
  if (!SleepReplacement.empty() &&
      llvm::StringRef(SleepReplacement).find("%0") == llvm::StringRef::npos) {
    configurationDiag("option '%0' of check '%1' has no '%%0' where the "
                      "duration goes: '%2'; it is ignored",
                      DiagnosticIDs::Error)
        << SleepReplacementKey << Name << SleepReplacement;
    SleepReplacement.clear();
  }
  // IncludeInserter takes "header" without its quotes, <header> with its
  // brackets; the option accepts either spelling.
  SleepReplacementHeader = SleepReplacementInclude;
  if (SleepReplacementHeader.size() > 1 &&
      SleepReplacementHeader.starts_with("\"") &&
      SleepReplacementHeader.ends_with("\""))
    SleepReplacementHeader = SleepReplacementHeader.drop_front().drop_back();
}

void BlockingSleepCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  CoroutineCheck::storeOptions(Opts);
  Options.store(Opts, SleepReplacementKey, SleepReplacement);
  Options.store(Opts, SleepReplacementIncludeKey, SleepReplacementInclude);
}

FixOptions BlockingSleepCheck::fixOptions() {
  return withIncludes({SleepReplacement, SleepReplacementHeader, nullptr});
}

} // namespace corolint
