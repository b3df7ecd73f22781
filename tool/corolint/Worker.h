//===--- Worker.h - Parses one file and writes its facts ------------------===//

#ifndef COROLINT_TOOL_WORKER_H
#define COROLINT_TOOL_WORKER_H

#include "FixIts.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace corolint {

/// The options that decide which checks run and how, as on clang-tidy's
/// command line.
struct TidyFlags {
  std::optional<std::string> Checks;              // --checks
  std::optional<std::string> HeaderFilter;        // --header-filter
  std::optional<std::string> ExcludeHeaderFilter; // --exclude-header-filter
  std::string ConfigFile;                         // --config-file
  std::string Config;                             // --config
  std::optional<std::string> WarningsAsErrors;    // --warnings-as-errors
  std::optional<bool> SystemHeaders;              // --system-headers
  std::optional<std::string> FormatStyle;         // --format-style
  std::string VfsOverlay;                         // --vfsoverlay
};

/// The options provider clang-tidy would use for Flags: .clang-tidy files
/// found from each source file upwards, or the one configuration given,
/// under the command line's overrides. corolint's default is "coro-*".
llvm::Expected<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>>
makeOptionsProvider(const TidyFlags &Flags);

/// The file system files are read from: the real one, under the overlay
/// --vfsoverlay names; an error when that cannot be read.
llvm::Expected<llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>>
fileSystemFor(const TidyFlags &Flags);

/// What the checks say of their options for Paths (a bad pattern, say),
/// each once: the checks are made and a unit started for one file of each
/// distinct configuration, on an empty text, so that nothing is parsed.
std::vector<std::string> configurationErrors(const TidyFlags &Flags,
                                             llvm::ArrayRef<std::string> Paths);

/// Parses File as DB compiles it, runs the enabled coro-* checks and writes
/// its facts to Out (a facts file, Facts.h): every finding and candidate
/// that NOLINT lets through, in headers too (the header filter is applied
/// when the facts are reported). A file that does not compile
/// gets facts that say so, with the compiler's errors; only a file that
/// cannot be written is an error.
llvm::Error analyseFile(const std::string &File,
                        const clang::tooling::CompilationDatabase &DB,
                        const TidyFlags &Flags, llvm::StringRef Out);

/// Parses File as DB compiles it with the checks Flags enable, which hand
/// its analysis to Rewrite (the whole program's rewrite) and report
/// nothing; the compiler's errors, each with its place, if it did not
/// compile.
std::vector<std::string>
rewriteFile(const std::string &File,
            const clang::tooling::CompilationDatabase &DB,
            const TidyFlags &Flags,
            std::function<void(UnitIndex &, const FixOptions &)> Rewrite);

/// Parses Files as DB compiles them, with Texts (by path) in place of those
/// files' own texts, up to the first that does not compile: that file and
/// the compiler's errors, each with its place; nothing when all compile.
std::pair<std::string, std::vector<std::string>>
compileWith(const std::vector<std::string> &Files,
            const clang::tooling::CompilationDatabase &DB,
            const TidyFlags &Flags,
            const std::map<std::string, std::string> &Texts);

} // namespace corolint

#endif // COROLINT_TOOL_WORKER_H
