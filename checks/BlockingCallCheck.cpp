//===--- BlockingCallCheck.cpp - coro-blocking-call -----------------------===//

#include "BlockingCallCheck.h"

using namespace clang;

namespace corolint {

void BlockingCallCheck::checkDirect(const OwnCall &Call, const Primitive &P,
                                    const AsyncContext &Coro, ASTContext &) {
  warnAt(Call, "blocking call to '%0'", {P.Name}, Coro);
  noteImplicit(Call);
  noteCoroutine(Coro);
  noteAlternative(Call, P, Coro);
}

void BlockingCallCheck::noteChainAdvice(const OwnCall &Call, const Chain &C,
                                        const AsyncContext &Coro,
                                        const FunctionDecl &, Analysis &,
                                        ASTContext &) {
  noteAlternative(Call, *C.End, Coro);
}

void BlockingCallCheck::noteAlternative(const OwnCall &Call, const Primitive &P,
                                        const AsyncContext &Coro) {
  std::string Alternative = P.alternative(Coro.framework());
  if (!Alternative.empty())
    noteAt(Call, "%0") << alternativeAdvice(Alternative);
}

std::string alternativeAdvice(llvm::StringRef Alternative) {
  return ("use " + Alternative + " instead").str();
}

} // namespace corolint
