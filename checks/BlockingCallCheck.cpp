//===--- BlockingCallCheck.cpp - coro-blocking-call -----------------------===//

#include "BlockingCallCheck.h"

namespace corolint {

void BlockingCallCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  CoroutineCheck::storeOptions(Opts);
  // The families' switches, which every check reads as this one's.
  for (const FamilyInfo &F : families())
    if (!F.Option.empty())
      Options.store(Opts, F.Option, options().reports(F.Id));
}

} // namespace corolint
