//===--- ClangdMain.cpp - clangd with corolint's checks linked in ---------===//
//
// corolint-clangd is clangd 19 itself: this file only answers --version and
// hands everything else to clangd's own entry point, with clang's resource
// directory (the builtin headers) where Debian's clang-19 keeps it, unless the
// user names one: clangd would look for it beside its own binary. The coro-* checks are
// in the binary through CorolintModule.cpp, which registers them with
// clang-tidy's module registry; clangd builds its checks from that registry.
//
//===----------------------------------------------------------------------===//

#include "clang/Basic/Version.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <vector>

namespace clang::clangd {
// clangd's main(), defined in Debian's libclangdMain.a (no header ships).
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

int main(int Argc, char *Argv[]) {
  bool HasResourceDir = false;
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if (Arg == "--version" || Arg == "-version") {
      llvm::outs() << "corolint-clangd: corolint " COROLINT_VERSION
                      "'s build of clangd, with the coro-* checks\n"
                   << clang::getClangToolFullVersion("clangd") << "\n";
      return 0;
    }
    HasResourceDir |= Arg.starts_with("--resource-dir") || Arg.starts_with("-resource-dir");
  }
  std::vector<char *> Args(Argv, Argv + Argc);
  static char ResourceDir[] = "--resource-dir=" COROLINT_CLANG_RESOURCE_DIR;
  if (!HasResourceDir)
    Args.push_back(ResourceDir);
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size()) - 1, Args.data());
}
