//===--- Session.cpp - What the coro-* checks of one run share ------------===//

#include "Session.h"
#include "BlockingCallCheck.h"
#include "BlockingSleepCheck.h"
#include "NestedRunCheck.h"
#include "Recorder.h"
#include "SyncCallsAsyncCheck.h"
#include "clang-tidy/ClangTidyModule.h"

using namespace clang;

namespace corolint {

std::shared_ptr<const ParsedOptions> &
Session::parsedOptions(const tidy::ClangTidyContext &Context,
                       llvm::StringRef Fingerprint) {
  // Checks are made for one unit at a time, as it is set up.
  if (OptionsContext != &Context || OptionsFile != Context.getCurrentFile()) {
    OptionsContext = &Context;
    OptionsFile = Context.getCurrentFile().str();
    Parsed.clear();
  }
  return Parsed[Fingerprint];
}

Analysis &Session::analysis(ASTContext &Ctx,
                            const std::shared_ptr<const ParsedOptions> &Opts) {
  for (const std::unique_ptr<Analysis> &A : Analyses)
    if (&A->context() == &Ctx && A->sharedOptions() == Opts)
      return *A;
  Analyses.push_back(
      std::make_unique<Analysis>(Ctx, Opts, Front.Recorder != nullptr));
  return *Analyses.back();
}

void Session::startUnit() {
  if (Front.Recorder)
    Front.Recorder->startUnit();
  Analyses.clear();
  ToRewrite = nullptr;
}

void Session::endUnit() {
  if (ToRewrite)
    Front.Rewrite(*ToRewrite, RewriteFix);
  ToRewrite = nullptr;
  Analyses.clear();
  OptionsContext = nullptr;
  Parsed.clear();
}

void Session::offerRewrite(UnitIndex &A, const FixOptions &Fix) {
  if (!Front.Rewrite)
    return;
  if (!ToRewrite ||
      (RewriteFix.SleepReplacement.empty() && !Fix.SleepReplacement.empty())) {
    ToRewrite = &A;
    RewriteFix = Fix;
  }
}

void addCorolintChecks(tidy::ClangTidyCheckFactories &Factories,
                       const std::shared_ptr<Session> &S) {
#define COROLINT_CHECK(Id, Name, Class, ...)                                   \
  Factories.registerCheckFactory(                                              \
      Name, [S](llvm::StringRef CheckName, tidy::ClangTidyContext *Context) {  \
        return std::make_unique<Class>(CheckName, Context, S);                 \
      });
#include "Checks.def"
}

} // namespace corolint
