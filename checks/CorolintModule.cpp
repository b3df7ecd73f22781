//===--- CorolintModule.cpp - Registers the coro-* checks -----------------===//

#include "BlockingCallCheck.h"
#include "BlockingSleepCheck.h"
#include "NestedRunCheck.h"
#include "SyncCallsAsyncCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace corolint {

class CorolintModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    F.registerCheck<BlockingCallCheck>("coro-blocking-call");
    F.registerCheck<BlockingSleepCheck>("coro-blocking-sleep");
    F.registerCheck<NestedRunCheck>("coro-nested-run");
    F.registerCheck<SyncCallsAsyncCheck>("coro-sync-calls-async");
  }
};

} // namespace corolint

static clang::tidy::ClangTidyModuleRegistry::Add<corolint::CorolintModule>
    X("corolint-module", "Checks for coroutines that block their thread.");

// Referenced by front ends that link the module statically, so the linker
// keeps the registration above.
volatile int CorolintModuleAnchorSource = 0;
