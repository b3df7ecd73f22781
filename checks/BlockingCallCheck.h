//===--- BlockingCallCheck.h - coro-blocking-call -------------------------===//

#ifndef COROLINT_CHECKS_BLOCKINGCALLCHECK_H
#define COROLINT_CHECKS_BLOCKINGCALLCHECK_H

#include "CoroutineCheck.h"

namespace corolint {

/// Finds blocking standard and POSIX calls (`std::future::get`,
/// `std::thread::join`, condition variable waits, `std::system`,
/// `getaddrinfo`, ...) and calls listed in options or annotated as blocking,
/// in coroutines and in the plain functions they call.
/// See docs/checks/coro-blocking-call.md.
class BlockingCallCheck : public CoroutineCheck {
public:
  BlockingCallCheck(llvm::StringRef Name,
                    clang::tidy::ClangTidyContext *Context)
      : CoroutineCheck(Name, Context, CheckId::BlockingCall) {}
};

} // namespace corolint

#endif // COROLINT_CHECKS_BLOCKINGCALLCHECK_H
