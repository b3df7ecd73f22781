//===--- SyncCallsAsyncCheck.cpp - coro-sync-calls-async ------------------===//

#include "SyncCallsAsyncCheck.h"

using namespace clang;

namespace corolint {

void SyncCallsAsyncCheck::noteChainAdvice(const OwnCall &Call,
                                          const Primitive &P,
                                          const AsyncContext &Coro,
                                          const FunctionDecl &Callee,
                                          Analysis &A) {
  noteAt(Call, "make %0 a coroutine and 'co_await' it: async all the way up")
      << displayName(Callee);
}

} // namespace corolint
