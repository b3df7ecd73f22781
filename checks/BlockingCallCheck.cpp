//===--- BlockingCallCheck.cpp - coro-blocking-call -----------------------===//

#include "BlockingCallCheck.h"

using namespace clang;

namespace corolint {

void BlockingCallCheck::checkDirect(const OwnCall &Call, const Primitive &P,
                                    const AsyncContext &Coro, ASTContext &) {
  warnAt(Call, "blocking call to '%0'", P.Name, Coro);
  noteImplicit(Call);
  noteCoroutine(Coro);
  if (!P.Alternative.empty())
    noteAt(Call, "use %0 instead") << P.Alternative;
}

void BlockingCallCheck::noteChainAdvice(const OwnCall &Call, const Chain &C,
                                        const AsyncContext &,
                                        const FunctionDecl &, Analysis &,
                                        ASTContext &) {
  if (!C.End->Alternative.empty())
    noteAt(Call, "use %0 instead") << C.End->Alternative;
}

} // namespace corolint
