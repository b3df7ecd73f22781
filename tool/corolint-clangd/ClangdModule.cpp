//===--- ClangdModule.cpp - The coro-* checks for corolint-clangd ---------===//
//
// clangd makes the checks of each parse from clang-tidy's module registry,
// which constructs every module itself: the module a front end registers is
// the one place where it can hand the checks what it keeps. corolint-clangd's
// gives them its background facts once main() has set them up.
//
//===----------------------------------------------------------------------===//

#include "ClangdModule.h"
#include "BackgroundFacts.h"
#include "Session.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include <atomic>

namespace corolint {

namespace {

std::atomic<BackgroundFacts *> Background{nullptr};

class ClangdModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &F) override {
    FrontEnd Front;
    if (BackgroundFacts *Facts = Background)
      Front.WholeProgram = [Facts](llvm::StringRef MainFile) {
        return Facts->programFor(MainFile);
      };
    addCorolintChecks(F, std::make_shared<Session>(std::move(Front)));
  }
};

} // namespace

void useBackgroundFacts(BackgroundFacts *Facts) { Background = Facts; }

} // namespace corolint

static clang::tidy::ClangTidyModuleRegistry::Add<corolint::ClangdModule>
    X("corolint-module", "Checks for coroutines that block their thread.");
