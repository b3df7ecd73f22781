//===--- BlockingSleepCheck.h - coro-blocking-sleep -----------------------===//

#ifndef COROLINT_BLOCKINGSLEEPCHECK_H
#define COROLINT_BLOCKINGSLEEPCHECK_H

#include "CoroutineCallCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"

namespace corolint {

/// Finds thread sleeps (`std::this_thread::sleep_for`, POSIX `sleep`, ...)
/// in coroutines and rewrites them to the framework's awaited timer.
/// See docs/checks/coro-blocking-sleep.md.
/// What a coroutine of framework Id awaits instead of sleeping.
std::string sleepAdvice(Framework Id);

class BlockingSleepCheck : public CoroutineCallCheck {
public:
  BlockingSleepCheck(llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context);
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  void checkDirect(const OwnCall &Call, const Primitive &P,
                   const AsyncContext &Coro, clang::ASTContext &Ctx) override;
  void noteChainAdvice(const OwnCall &Call, const Chain &C,
                       const AsyncContext &Coro,
                       const clang::FunctionDecl &Callee, Analysis &A,
                       clang::ASTContext &Ctx) override;
  void noteAdvice(const OwnCall &Call, const AsyncContext &Coro);
  std::vector<clang::FixItHint> fixFor(const OwnCall &Call,
                                       const SleepFunction &Fn,
                                       const AsyncContext &Coro,
                                       clang::ASTContext &Ctx);

  std::string SleepReplacement;
  std::string SleepReplacementInclude;
  /// SleepReplacementInclude as IncludeInserter takes it.
  llvm::StringRef SleepReplacementHeader;
  clang::tidy::utils::IncludeInserter Inserter;
};

} // namespace corolint

#endif // COROLINT_BLOCKINGSLEEPCHECK_H
