//===--- PreambleBodies.cpp - Header function bodies in clangd's preamble -===//
//
// clangd parses the headers at the top of a file once, into its preamble,
// and skips the function bodies there, so in the editor a plain function
// defined in a header (`inline void backoff() { sleep_for(...); }`) has no
// body, and the checks could not follow a coroutine's call into it as
// clang-tidy and corolint do. The linker routes clangd's call of
// PrecompiledPreamble::Build here (--wrap, set in CMakeLists.txt): the
// preamble is built with the bodies, as the main file is.
//
//===----------------------------------------------------------------------===//

#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/PrecompiledPreamble.h"

using namespace clang;

using BuildResult = llvm::ErrorOr<PrecompiledPreamble>;
#define PREAMBLE_BUILD_PARAMS                                                  \
  const CompilerInvocation &Invocation,                                        \
      const llvm::MemoryBuffer *MainFileBuffer, PreambleBounds Bounds,        \
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

BuildResult wrappedBuild(PREAMBLE_BUILD_PARAMS) {
  CompilerInvocation WithBodies(Invocation);
  WithBodies.getFrontendOpts().SkipFunctionBodies = false;
  return realBuild(WithBodies, MainFileBuffer, Bounds, Diagnostics,
                   std::move(VFS), std::move(PCHContainerOps), StoreInMemory,
                   StoragePath, Callbacks);
}
