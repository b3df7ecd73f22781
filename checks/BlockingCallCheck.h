//===--- BlockingCallCheck.h - coro-blocking-call -------------------------===//

#ifndef COROLINT_CHECKS_BLOCKINGCALLCHECK_H
#define COROLINT_CHECKS_BLOCKINGCALLCHECK_H

#include "CoroutineCheck.h"

namespace corolint {

/// Finds blocking calls other than sleeps and nested runs, by family (waits
/// on other threads, locks, processes, name resolution, network, descriptor
/// and file I/O, standard input, database, HTTP and RPC clients) and calls
/// listed in options or annotated as blocking, in coroutines and in the
/// plain functions they call; rewrites Asio's synchronous operations and
/// Qt's waits to their awaited twins. See docs/checks/coro-blocking-call.md.
class BlockingCallCheck : public CoroutineCheck {
public:
  BlockingCallCheck(llvm::StringRef Name,
                    clang::tidy::ClangTidyContext *Context,
                    std::shared_ptr<Session> S)
      : CoroutineCheck(Name, Context, std::move(S), CheckId::BlockingCall,
                       /*WithIncludes=*/true) {}
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
};

} // namespace corolint

#endif // COROLINT_CHECKS_BLOCKINGCALLCHECK_H
