//===--- CorolintModule.cpp - The coro-* checks for clang-tidy ------------===//
//
// The module clang-tidy-19 loads with the plugin, and the standalone tool's
// listings (--list-checks, --dump-config) read: the checks of each run share
// a session with nothing from a front end. corolint-clangd registers its
// own module, which gives the checks its background facts.
//
//===----------------------------------------------------------------------===//

#include "Session.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace corolint {

class CorolintModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    addCorolintChecks(F, std::make_shared<Session>());
  }
};

} // namespace corolint

static clang::tidy::ClangTidyModuleRegistry::Add<corolint::CorolintModule>
    X("corolint-module", "Checks for coroutines that block their thread.");
