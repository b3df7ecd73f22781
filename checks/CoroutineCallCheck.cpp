//===--- CoroutineCallCheck.cpp - Shared base of the coro-* call checks ---===//

#include "CoroutineCallCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

void CoroutineCallCheck::registerMatchers(MatchFinder *Finder) {
  // Coroutines in system headers are the frameworks' own plumbing.
  Finder->addMatcher(functionDecl(isDefinition(), hasBody(coroutineBodyStmt()),
                                  unless(isExpansionInSystemHeader()))
                         .bind("coroutine"),
                     this);
}

void CoroutineCallCheck::check(const MatchFinder::MatchResult &R) {
  const auto *FD = R.Nodes.getNodeAs<FunctionDecl>("coroutine");
  std::optional<AsyncContext> Coro = asyncContextOf(*FD);
  if (!Coro)
    return;
  forEachOwnCall(*Coro, *R.Context,
                 [&](const OwnCall &Call) { checkCall(Call, *Coro, *R.Context); });
}

NameList CoroutineCallCheck::nameListOption(llvm::StringRef Key,
                                            std::string &Spec) {
  Spec = Options.get(Key, "").str();
  std::vector<std::string> Errors;
  NameList List(Spec, Errors);
  for (const std::string &Error : Errors)
    configurationDiag("option '%0' of check '%1': %2", DiagnosticIDs::Error)
        << Key << getID() << Error;
  return List;
}

void CoroutineCallCheck::onEndOfTranslationUnit() { Reported.clear(); }

bool CoroutineCallCheck::firstReport(const OwnCall &Call) {
  return Reported.insert(Call.Call->getExprLoc()).second;
}

DiagnosticBuilder CoroutineCallCheck::warnAt(const OwnCall &Call,
                                             llvm::StringRef Message,
                                             llvm::StringRef Callee,
                                             const AsyncContext &Coro) {
  return diag(Call.Call->getExprLoc(),
              (Message + " inside %select{coroutine %q2|a coroutine lambda}1")
                  .str())
         << Callee << Coro.isLambda() << Coro.Func;
}

void CoroutineCallCheck::noteCoroutine(const AsyncContext &Coro) {
  diag(Coro.Func->getLocation(),
       "%select{coroutine %q1|coroutine lambda}0 declared here",
       DiagnosticIDs::Note)
      << Coro.isLambda() << Coro.Func;
}

DiagnosticBuilder CoroutineCallCheck::noteAt(const OwnCall &Call,
                                             llvm::StringRef Message) {
  return diag(Call.Call->getExprLoc(), Message, DiagnosticIDs::Note);
}

} // namespace corolint
