//===--- RunOptions.h - corolint's command line, as one value -------------===//
//
// The command line is read once, into a RunOptions; every step of the run
// takes what it needs from that value.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_RUNOPTIONS_H
#define COROLINT_TOOL_RUNOPTIONS_H

#include "ListBlocking.h"
#include "Worker.h"
#include <optional>
#include <string>
#include <vector>

namespace corolint {

constexpr int ExitFindings = 1, ExitUsage = 2, ExitFailedFiles = 3;

enum class Format { Text, JSON, SARIF };

struct RunOptions {
  /// -p, as given or as found from the first file upwards.
  std::string BuildPath;
  /// The arguments after '--': one compile command for every file given
  /// (clang-tidy's fixed compilation database), instead of a database.
  std::optional<std::vector<std::string>> CompileArgs;
  /// The files given: reported (with --facts-in, more facts directories).
  std::vector<std::string> Files;
  /// --checks, --header-filter, --warnings-as-errors, --config(-file).
  TidyFlags Tidy;
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  unsigned Jobs = 0; // 0: every core
  Format Output = Format::Text;
  std::string SourceRoot;
  /// --docs-url: where the checks' pages are, for SARIF's rules.
  std::string DocsUrl;
  bool Fix = false, FixNotes = false;
  /// Print the fixes as a diff instead of the findings; write no file.
  bool Diff = false;
  std::string ExportFixes;
  std::string Shard;
  std::string FactsOut;
  std::vector<std::string> FactsIn;
  std::string CacheDir;
  bool NoCache = false, RefreshCache = false, LowPriority = false;
  bool SkipMissingFiles = false;
  /// Seconds between heartbeat lines when stderr is not a terminal; 0: none.
  unsigned ProgressInterval = 30;
  std::string Baseline, WriteBaseline;
  bool ListChecks = false, DumpConfig = false, ExplainConfig = false;
  bool VerifyConfig = false, AllowNoChecks = false;
  /// --line-filter: only the findings on these lines are shown.
  std::vector<clang::tidy::FileFilter> LineFilter;
  ListFormat ListBlocking = ListFormat::None;
  bool Quiet = false;
  /// A worker: analyse the one file given and write its facts here.
  std::string WorkerFactsFile;
  /// A worker: the process that started it.
  int WorkerParent = 0;

  /// The worker's command line for these options, without the file: the
  /// binary Self, then what decides how a file is analysed.
  std::vector<std::string> workerCommand(const std::string &Self,
                                         const std::string &DatabaseDir) const;

  /// Whether fixes are applied or exported from a compile database: a
  /// chain's rewrite may then reach other files, which needs the merged
  /// graphs.
  bool rewritesAcrossFiles() const {
    return (Fix || !ExportFixes.empty()) && FactsIn.empty();
  }
};

/// Reads the command line; nothing (having said why) when it is not one
/// corolint takes.
std::optional<RunOptions> parseCommandLine(int Argc, const char **Argv);

/// Prints "corolint: error: Message" and returns ExitUsage.
int usageError(const llvm::Twine &Message);

} // namespace corolint

#endif // COROLINT_TOOL_RUNOPTIONS_H
