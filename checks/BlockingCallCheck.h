//===--- BlockingCallCheck.h - coro-blocking-call -------------------------===//

#ifndef COROLINT_BLOCKINGCALLCHECK_H
#define COROLINT_BLOCKINGCALLCHECK_H

#include "CoroutineCallCheck.h"

namespace corolint {

/// Finds blocking standard and POSIX calls (`std::future::get`,
/// `std::thread::join`, condition variable waits, `std::system`,
/// `getaddrinfo`, ...) and calls listed in options or annotated as blocking,
/// in coroutines and in the plain functions they call.
/// See docs/checks/coro-blocking-call.md.
/// The note that names what to use instead of a blocking call.
std::string alternativeAdvice(llvm::StringRef Alternative);

class BlockingCallCheck : public CoroutineCallCheck {
public:
  BlockingCallCheck(llvm::StringRef Name,
                    clang::tidy::ClangTidyContext *Context)
      : CoroutineCallCheck(Name, Context, BlockKind::Call,
                           Reports::DirectAndFollowed) {}

private:
  void checkDirect(const OwnCall &Call, const Primitive &P,
                   const AsyncContext &Coro, clang::ASTContext &Ctx) override;
  void noteChainAdvice(const OwnCall &Call, const Chain &C,
                       const AsyncContext &Coro,
                       const clang::FunctionDecl &Callee, Analysis &A,
                       clang::ASTContext &Ctx) override;
  void noteAlternative(const OwnCall &Call, const Primitive &P,
                       const AsyncContext &Coro);
};

} // namespace corolint

#endif // COROLINT_BLOCKINGCALLCHECK_H
