//===--- BlockingCallCheck.h - coro-blocking-call -------------------------===//

#ifndef COROLINT_BLOCKINGCALLCHECK_H
#define COROLINT_BLOCKINGCALLCHECK_H

#include "CoroutineCallCheck.h"
#include "NameList.h"

namespace corolint {

/// Finds blocking standard and POSIX calls (`std::future::get`,
/// `std::thread::join`, condition variable waits, `std::system`,
/// `getaddrinfo`, ...) and calls listed in options inside coroutines.
/// See docs/checks/coro-blocking-call.md.
class BlockingCallCheck : public CoroutineCallCheck {
public:
  BlockingCallCheck(llvm::StringRef Name,
                    clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  void checkCall(const OwnCall &Call, const AsyncContext &Coro,
                 clang::ASTContext &Ctx) override;

  std::string BlockingSpec;
  std::string AllowedSpec;
  NameList Blocking;
  NameList Allowed;
};

} // namespace corolint

#endif // COROLINT_BLOCKINGCALLCHECK_H
