//===--- PreambleBodies.cpp - Header function bodies in clangd's preamble -===//
//
// clangd parses the headers at the top of a file once, into its preamble,
// and skips the function bodies there, so in the editor a plain function
// defined in a header (`inline void backoff() { sleep_for(...); }`) has no
// body, and the checks could not follow a coroutine's call into it as
// clang-tidy and corolint do. The linker routes clangd's call of
// PrecompiledPreamble::Build here (--wrap, set in CMakeLists.txt): the
// preamble keeps the bodies of the functions outside system headers.
//
//===----------------------------------------------------------------------===//

#include "clang/AST/DeclBase.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/PrecompiledPreamble.h"
#include "clang/Lex/PPCallbacks.h"

using namespace clang;

using BuildResult = llvm::ErrorOr<PrecompiledPreamble>;
#define PREAMBLE_BUILD_PARAMS                                                  \
  const CompilerInvocation &Invocation,                                        \
      const llvm::MemoryBuffer *MainFileBuffer, PreambleBounds Bounds,         \
      DiagnosticsEngine &Diagnostics,                                          \
      IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS,                           \
      std::shared_ptr<PCHContainerOperations> PCHContainerOps,                 \
      bool StoreInMemory, StringRef StoragePath, PreambleCallbacks &Callbacks

// clang's PrecompiledPreamble::Build under the names the linker gives its
// wrapper and the original.
BuildResult realBuild(PREAMBLE_BUILD_PARAMS) __asm__(
    "__real__ZN5clang19PrecompiledPreamble5BuildERKNS_18CompilerInvocationEPKN"
    "4llvm12MemoryBufferENS_14PreambleBoundsERNS_17DiagnosticsEngineENS4_"
    "18IntrusiveRefCntPtrINS4_3vfs10FileSystemEEESt10shared_ptrINS_"
    "22PCHContainerOperationsEEbNS4_9StringRefERNS_17PreambleCallbacksE");
BuildResult wrappedBuild(PREAMBLE_BUILD_PARAMS) __asm__(
    "__wrap__ZN5clang19PrecompiledPreamble5BuildERKNS_18CompilerInvocationEPKN"
    "4llvm12MemoryBufferENS_14PreambleBoundsERNS_17DiagnosticsEngineENS4_"
    "18IntrusiveRefCntPtrINS4_3vfs10FileSystemEEESt10shared_ptrINS_"
    "22PCHContainerOperationsEEbNS4_9StringRefERNS_17PreambleCallbacksE");

namespace {

/// clangd's callbacks, except that the bodies of functions outside system
/// headers are kept: those the checks follow into. System headers' bodies
/// are skipped as clangd skips them, which keeps the preamble as small, and
/// the edits as fast, as clangd's own.
class KeepUserBodies : public PreambleCallbacks {
public:
  explicit KeepUserBodies(PreambleCallbacks &Clangd) : Clangd(Clangd) {}
  void BeforeExecute(CompilerInstance &CI) override {
    SM = &CI.getSourceManager();
    Clangd.BeforeExecute(CI);
  }
  void AfterExecute(CompilerInstance &CI) override { Clangd.AfterExecute(CI); }
  void AfterPCHEmitted(ASTWriter &Writer) override {
    Clangd.AfterPCHEmitted(Writer);
  }
  void HandleTopLevelDecl(DeclGroupRef DG) override {
    Clangd.HandleTopLevelDecl(DG);
  }
  std::unique_ptr<PPCallbacks> createPPCallbacks() override {
    return Clangd.createPPCallbacks();
  }
  CommentHandler *getCommentHandler() override {
    return Clangd.getCommentHandler();
  }
  bool shouldSkipFunctionBody(Decl *D) override {
    if (SM && D && !SM->isInSystemHeader(SM->getExpansionLoc(D->getLocation())))
      return false;
    return Clangd.shouldSkipFunctionBody(D);
  }

private:
  PreambleCallbacks &Clangd;
  const SourceManager *SM = nullptr;
};

} // namespace

BuildResult wrappedBuild(PREAMBLE_BUILD_PARAMS) {
  KeepUserBodies Keep(Callbacks);
  return realBuild(Invocation, MainFileBuffer, Bounds, Diagnostics,
                   std::move(VFS), std::move(PCHContainerOps), StoreInMemory,
                   StoragePath, Keep);
}
