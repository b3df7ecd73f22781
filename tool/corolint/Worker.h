//===--- Worker.h - Parses one file and keeps its facts -------------------===//

#ifndef COROLINT_TOOL_WORKER_H
#define COROLINT_TOOL_WORKER_H

#include "FileFacts.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <memory>
#include <optional>

namespace corolint {

/// The options that decide which checks run and how, as on clang-tidy's
/// command line.
struct TidyFlags {
  std::optional<std::string> Checks;       // --checks
  std::optional<std::string> HeaderFilter; // --header-filter
  std::string ConfigFile;                  // --config-file
  std::string Config;                      // --config
};

/// The options provider clang-tidy would use for Flags: .clang-tidy files
/// found from each source file upwards, or the one configuration given,
/// under the command line's overrides. corolint's default is "coro-*".
llvm::Expected<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>>
makeOptionsProvider(const TidyFlags &Flags);

/// Parses File as DB compiles it, runs the enabled coro-* checks and records
/// the facts. Never fails: a file that does not compile comes back with
/// Parsed false and the compiler's errors.
FileFacts analyseFile(const std::string &File,
                      const clang::tooling::CompilationDatabase &DB,
                      const TidyFlags &Flags);

} // namespace corolint

#endif // COROLINT_TOOL_WORKER_H
