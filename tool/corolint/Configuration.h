//===--- Configuration.h - The clang-tidy configuration a run uses --------===//

#ifndef COROLINT_TOOL_CONFIGURATION_H
#define COROLINT_TOOL_CONFIGURATION_H

#include "Facts.h"
#include "Results.h"
#include "RunOptions.h"
#include "llvm/Support/Regex.h"
#include <functional>
#include <map>
#include <optional>

namespace corolint {

/// Checks the flags that would make every file fail, before any work: an
/// exit status when they are wrong, having said why.
std::optional<int> validateFlags(const TidyFlags &Flags);

/// --list-checks, --dump-config, --explain-config and --verify-config, as
/// clang-tidy prints them: for the configuration of the first file given,
/// or of the current directory. Returns the exit status.
int printConfiguration(const RunOptions &O);

/// --list-blocking: what corolint knows, with the knowledge files the
/// configuration of the first file given (or of the current directory)
/// names. Returns the exit status.
int printKnowledge(const RunOptions &O);

/// Whether the configuration of any of Paths enables a coro-* check.
bool anyCheckEnabled(const TidyFlags &Flags, llvm::ArrayRef<std::string> Paths);

/// The clang-format style of each file's configuration (FormatStyle, or
/// --format-style), for the code around its fixes.
std::function<std::string(llvm::StringRef File)>
formatStyles(const TidyFlags &Flags);

/// Marks the findings whose check the configuration of their file turns
/// into errors (WarningsAsErrors); returns whether any configuration names
/// a check at all.
bool markErrors(const RunOptions &O, Results &R);

/// What in a file's effective configuration changes its facts, as text for
/// the cache's key: which coro-* checks run, the options they can read (a
/// coro-* check's, or a global one), the arguments added to its compile
/// command, and whether system headers are shown. The rest (the header
/// filters, WarningsAsErrors, other checks and their options) changes only
/// what is reported, and is applied when it is.
std::string factsConfiguration(const clang::tidy::ClangTidyOptions &Options);

/// The header filters of each file's configuration, applied to its facts
/// as they are reported, as clang-tidy 19 applies them: the main file is
/// always shown; a header when HeaderFilterRegex (if not empty) matches it
/// and ExcludeHeaderFilterRegex (if not empty) does not.
class HeaderFilters {
public:
  /// Flags were validated: the provider can be made.
  explicit HeaderFilters(const TidyFlags &Flags);
  /// Applies F's main file's filter to F, whose strings are in S.
  void apply(FileFacts &F, const StringPool &S);

private:
  struct Filter {
    std::optional<llvm::Regex> Shows, Excludes;
  };
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider;
  std::map<std::pair<std::string, std::string>, Filter> ByRegexes;
};

} // namespace corolint

#endif // COROLINT_TOOL_CONFIGURATION_H
