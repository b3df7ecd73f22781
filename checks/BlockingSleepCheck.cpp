//===--- BlockingSleepCheck.cpp - coro-blocking-sleep ---------------------===//

#include "BlockingSleepCheck.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace corolint {

namespace {

constexpr llvm::StringLiteral SleepReplacementKey = "SleepReplacement";
constexpr llvm::StringLiteral SleepReplacementIncludeKey =
    "SleepReplacementInclude";
constexpr llvm::StringLiteral IncludeStyleKey = "IncludeStyle";

} // namespace

BlockingSleepCheck::BlockingSleepCheck(llvm::StringRef Name,
                                       tidy::ClangTidyContext *Context)
    : CoroutineCheck(Name, Context, CheckId::BlockingSleep),
      SleepReplacement(Options.get(SleepReplacementKey, "")),
      SleepReplacementInclude(Options.get(SleepReplacementIncludeKey, "")),
      Inserter(Options.getLocalOrGlobal(IncludeStyleKey,
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
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

void BlockingSleepCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *PP, Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

void BlockingSleepCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  CoroutineCheck::storeOptions(Opts);
  Options.store(Opts, SleepReplacementKey, SleepReplacement);
  Options.store(Opts, SleepReplacementIncludeKey, SleepReplacementInclude);
  Options.store(Opts, IncludeStyleKey, Inserter.getStyle());
}

FixOptions BlockingSleepCheck::fixOptions() {
  return {SleepReplacement, SleepReplacementHeader,
          [this](FileID File, llvm::StringRef Header) {
            return Inserter.createIncludeInsertion(File, Header);
          }};
}

} // namespace corolint
