//===--- BlockingSleepCheck.h - coro-blocking-sleep -----------------------===//

#ifndef COROLINT_CHECKS_BLOCKINGSLEEPCHECK_H
#define COROLINT_CHECKS_BLOCKINGSLEEPCHECK_H

#include "CoroutineCheck.h"

namespace corolint {

/// Finds thread sleeps (`std::this_thread::sleep_for`, POSIX `sleep`, ...)
/// in coroutines and rewrites them to the framework's awaited timer.
/// See docs/checks/coro-blocking-sleep.md.
class BlockingSleepCheck : public CoroutineCheck {
public:
  BlockingSleepCheck(llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context,
                     std::shared_ptr<Session> S);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  FixOptions fixOptions() override;

  std::string SleepReplacement;
  std::string SleepReplacementInclude;
  /// SleepReplacementInclude as IncludeInserter takes it.
  llvm::StringRef SleepReplacementHeader;
};

} // namespace corolint

#endif // COROLINT_CHECKS_BLOCKINGSLEEPCHECK_H
