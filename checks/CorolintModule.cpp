//===--- CorolintModule.cpp - Registers the coro-* checks -----------------===//

#include "BlockingCallCheck.h"
#include "BlockingSleepCheck.h"
#include "NestedRunCheck.h"
#include "SyncCallsAsyncCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace corolint {

namespace {

template <typename Check>
void add(clang::tidy::ClangTidyCheckFactories &F, CheckId Id) {
  F.registerCheck<Check>(checkInfo(Id).Name);
}

} // namespace

class CorolintModule : public clang::tidy::ClangTidyModule {
public:
  // One class per row of checkInfos(), under the row's name.
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    add<BlockingCallCheck>(F, CheckId::BlockingCall);
    add<BlockingSleepCheck>(F, CheckId::BlockingSleep);
    add<NestedRunCheck>(F, CheckId::NestedRun);
    add<SyncCallsAsyncCheck>(F, CheckId::SyncCallsAsync);
  }
};

} // namespace corolint

static clang::tidy::ClangTidyModuleRegistry::Add<corolint::CorolintModule>
    X("corolint-module", "Checks for coroutines that block their thread.");

// Referenced by front ends that link the module statically, so the linker
// keeps the registration above.
volatile int CorolintModuleAnchorSource = 0;
