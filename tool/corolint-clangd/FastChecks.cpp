//===--- FastChecks.cpp - Tells clangd that the coro-* checks are fast ----===//
//
// clangd runs a clang-tidy check only if its ClangTidy.FastCheckFilter
// allows it. The default filter, Strict, drops every check whose latency
// clangd does not know, which is every check clangd was not built with, so by
// default the coro-* checks would never run in the editor. They are fast: the
// plugin's overhead over parsing is about 3% (bench/plugin-overhead.py). The
// linker routes clangd's calls of isFastTidyCheck here (--wrap, set in
// CMakeLists.txt); the coro-* checks are answered as fast, all others by
// clangd's own table. A user's FastCheckFilter still applies as usual.
// Which checks are corolint's comes from the one list of checks (Checks.h).
//
//===----------------------------------------------------------------------===//

#include "Checks.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

// clangd's function, std::optional<bool> clang::clangd::isFastTidyCheck(
// llvm::StringRef), under the names the linker gives its wrapper and the
// original.
std::optional<bool> realIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
std::optional<bool> wrappedIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");

std::optional<bool> wrappedIsFastTidyCheck(llvm::StringRef Check) {
  if (corolint::checkNamed(Check))
    return true;
  return realIsFastTidyCheck(Check);
}
