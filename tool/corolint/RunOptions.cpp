//===--- RunOptions.cpp - corolint's command line, as one value -----------===//

#include "RunOptions.h"
#include "Checks.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/WithColor.h"
#include <algorithm>

namespace cl = llvm::cl;

namespace corolint {

namespace {

cl::OptionCategory Category("corolint options");

cl::opt<std::string>
    BuildPath("p", cl::desc("Build directory: where compile_commands.json is"),
              cl::value_desc("build-dir"), cl::cat(Category));
cl::list<std::string> Files(cl::Positional, cl::desc("[<file> ...]"),
                            cl::cat(Category));
cl::opt<std::string> Checks(
    "checks",
    cl::desc("Checks to run, as in clang-tidy: a comma-separated list of\n"
             "globs, '-' removing. Added to those of .clang-tidy files."),
    cl::cat(Category));
cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression of the headers whose findings are shown,\n"
             "as in clang-tidy (default: none, or .clang-tidy's)."),
    cl::cat(Category));
cl::opt<std::string> ExcludeHeaderFilter(
    "exclude-header-filter",
    cl::desc("Regular expression of the headers whose findings are not\n"
             "shown, even where --header-filter matches, as in clang-tidy."),
    cl::cat(Category));
cl::opt<std::string> LineFilter(
    "line-filter",
    cl::desc("Show only the findings on these lines, as in clang-tidy (what\n"
             "clang-tidy-diff passes): a JSON array of objects such as\n"
             "[{\"name\":\"file1.cpp\",\"lines\":[[1,3],[5,7]]},\n"
             " {\"name\":\"file2.h\"}]"),
    cl::cat(Category));
cl::opt<bool> SystemHeaders(
    "system-headers",
    cl::desc("Show findings in system headers too, as in clang-tidy"),
    cl::cat(Category));
cl::opt<std::string> VfsOverlay(
    "vfsoverlay",
    cl::desc("Overlay the virtual file system this file describes over\n"
             "the real one, as in clang-tidy"),
    cl::value_desc("filename"), cl::cat(Category));
cl::opt<std::string> FormatStyle(
    "format-style",
    cl::desc("Style for formatting the code around applied fixes, as in\n"
             "clang-tidy: none (default), file, llvm, google, ... or\n"
             "'{<json>}'; overrides the configuration's FormatStyle"),
    cl::cat(Category));
cl::opt<bool> AllowNoChecks(
    "allow-no-checks",
    cl::desc("Run when the configuration enables no coro-* check (for\n"
             "any file), instead of stopping with an error"),
    cl::cat(Category));
cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check the configuration (of the first file given, or of\n"
             "the current directory): the coro-* checks it names and\n"
             "their options; then exit, 1 when something is wrong"),
    cl::cat(Category));
cl::opt<bool> FixErrors(
    "fix-errors",
    cl::desc("As --fix (clang-tidy's flag; a file that does not compile\n"
             "has no findings in corolint, so none of its fixes apply)"),
    cl::cat(Category));
cl::opt<bool> EnableCheckProfile(
    "enable-check-profile",
    cl::desc("Accepted for clang-tidy's sake; no per-check profile: the\n"
             "coro-* checks share one analysis per file (bench/ measures)"),
    cl::cat(Category));
cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Checks whose findings are errors, as in clang-tidy: globs\n"
             "that override the configuration's WarningsAsErrors. Once\n"
             "any check is an error, only errors fail the run."),
    cl::cat(Category));
cl::opt<std::string> ConfigFile(
    "config-file",
    cl::desc("Read the configuration from this file instead of .clang-tidy\n"
             "files, as in clang-tidy."),
    cl::value_desc("path"), cl::cat(Category));
cl::opt<std::string> Config(
    "config",
    cl::desc(
        "The configuration, as YAML or JSON, instead of .clang-tidy files."),
    cl::cat(Category));
cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("An argument appended to every compile command, as in\n"
                       "clang-tidy (repeatable)"),
              cl::cat(Category));
cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("An argument put before the others of every compile\n"
             "command, as in clang-tidy (repeatable)"),
    cl::cat(Category));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Files parsed at once (default: all cores)"),
                       cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<Format> OutputFormat(
    "format", cl::desc("Output format"), cl::init(Format::Text),
    cl::values(clEnumValN(Format::Text, "text",
                          "clang's diagnostics (default)"),
               clEnumValN(Format::JSON, "json", "one JSON document"),
               clEnumValN(Format::SARIF, "sarif",
                          "SARIF 2.1.0, for GitHub code scanning")),
    cl::cat(Category));
cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Paths in SARIF output and baselines are relative to this\n"
             "directory (default: the current directory)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> DocsUrl(
    "docs-url",
    cl::desc("The directory of the checks' pages (docs/checks) that SARIF's\n"
             "rules link to, such as the repository's web pages (default:\n"
             "the docs installed beside corolint, as file://)"),
    cl::value_desc("url"), cl::cat(Category));
cl::opt<bool> Fix("fix",
                  cl::desc("Apply the fixes of the findings, refusing any\n"
                           "that overlaps another"),
                  cl::cat(Category));
cl::opt<bool> FixNotes(
    "fix-notes",
    cl::desc("Also take a fix offered on a note, where the warning has\n"
             "none of its own (the async-all-the-way-up rewrite); implies\n"
             "--fix, as in clang-tidy"),
    cl::cat(Category));
cl::opt<bool> Diff(
    "diff",
    cl::desc("Print the fixes that --fix (or --fix-notes) would apply as a\n"
             "unified diff on standard output, instead of the findings,\n"
             "and change no file; implies --fix"),
    cl::cat(Category));
cl::opt<std::string>
    ExportFixes("export-fixes",
                cl::desc("Write the findings and their fixes as YAML for\n"
                         "clang-apply-replacements"),
                cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Analyse only shard K of N of the files (1 <= K <= N); with\n"
             "--facts-out, for a CI matrix"),
    cl::value_desc("K/N"), cl::cat(Category));
cl::opt<std::string>
    FactsOut("facts-out",
             cl::desc("Write each file's facts to this directory instead of\n"
                      "reporting; --facts-in reports them"),
             cl::value_desc("dir"), cl::cat(Category));
cl::list<std::string>
    FactsIn("facts-in",
            cl::desc("Report from the facts that --facts-out wrote to these\n"
                     "directories (the positional arguments are more of them)\n"
                     "instead of parsing"),
            cl::value_desc("dir"), cl::CommaSeparated, cl::cat(Category));
cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Where per-file facts are kept between runs (default:\n"
             "<build-dir>/.corolint-cache; when compile_commands.json\n"
             "sits in the source tree, $XDG_CACHE_HOME/corolint/<hash>,\n"
             "~/.cache/corolint/<hash> without XDG_CACHE_HOME)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> NoCache("no-cache", cl::desc("Neither read nor write the cache"),
                      cl::cat(Category));
cl::opt<bool> RefreshCache(
    "refresh-cache",
    cl::desc("Bring the cache up to date for every file of the database\n"
             "and report nothing (corolint-clangd runs this in the\n"
             "background). Prints 'cache <dir>' first, then 'files D/N'\n"
             "as files are done"),
    cl::cat(Category));
cl::opt<bool> SkipMissingFiles(
    "skip-missing-files",
    cl::desc("Skip the files of the database that do not exist (sources\n"
             "a build has not generated yet), saying how many, instead\n"
             "of failing them"),
    cl::cat(Category));
cl::opt<unsigned> ProgressInterval(
    "progress-interval",
    cl::desc("When stderr is not a terminal (a CI log): a progress line at\n"
             "each tenth of the files and whenever this many seconds pass\n"
             "without one (default 30; 0: none)"),
    cl::value_desc("seconds"), cl::init(30), cl::cat(Category));
cl::opt<bool> LowPriority(
    "low-priority",
    cl::desc("Run at low CPU priority (nice 19, batch scheduling),\n"
             "workers included"),
    cl::cat(Category));
cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Report only the findings this baseline does not hold (keyed\n"
             "by check, file, coroutine and called name, not by line)"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string>
    WriteBaseline("write-baseline",
                  cl::desc("Record the current findings as the baseline"),
                  cl::value_desc("file"), cl::cat(Category));
cl::opt<bool>
    ListChecks("list-checks",
               cl::desc("List the checks the configuration enables, then exit"),
               cl::cat(Category));
cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the configuration in force (of the first file given,\n"
             "or of the current directory), with every option's value,\n"
             "as YAML for a .clang-tidy file, then exit"),
    cl::cat(Category));
cl::opt<bool> ExplainConfig(
    "explain-config",
    cl::desc("Say where each enabled check was enabled, then exit"),
    cl::cat(Category));
cl::opt<bool> Quiet("quiet",
                    cl::desc("Print neither progress nor the closing count"),
                    cl::cat(Category));
cl::opt<ListFormat> ListBlockingOption(
    "list-blocking",
    cl::desc("List what the checks know blocks: sleeps, nested runs and\n"
             "each family of blocking calls with its option, the project's\n"
             "knowledge files included, then exit"),
    cl::ValueOptional, cl::init(ListFormat::None),
    cl::values(clEnumValN(ListFormat::Text, "", "as text (the default)"),
               clEnumValN(ListFormat::Text, "text", "as text"),
               clEnumValN(ListFormat::Markdown, "markdown",
                          "as Markdown, with where each row comes from")),
    cl::cat(Category));
// A worker: analyse the one file given and write its facts here.
cl::opt<std::string> FactsFile("worker-facts-file", cl::Hidden,
                               cl::cat(Category));
// The worker's parent, which it must not outlive.
cl::opt<int> ParentPid("worker-parent", cl::Hidden, cl::init(0),
                       cl::cat(Category));

/// --help ends with what each check reports, from the one list of checks.
std::string checksHelp() {
  std::string Text = "\nChecks:\n";
  for (const CheckInfo &C : checkInfos()) {
    Text += "\n  " + C.Name.str() + ": " + C.Summary.str() + ".\n";
    std::string Line = "   ";
    llvm::SmallVector<llvm::StringRef> Words;
    C.Help.split(Words, ' ', -1, false);
    for (llvm::StringRef W : Words) {
      if (Line.size() + 1 + W.size() > 78) {
        Text += Line + "\n";
        Line = "   ";
      }
      Line += " " + W.str();
    }
    Text += Line + "\n";
  }
  return Text;
}

} // namespace

int usageError(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "corolint") << Message << "\n";
  return ExitUsage;
}

std::optional<RunOptions> parseCommandLine(int Argc, const char **Argv) {
  static const std::string ChecksHelp = checksHelp();
  static cl::extrahelp More(ChecksHelp);
  // --color and --color=false are LLVM's own option.
  cl::HideUnrelatedOptions({&Category, &llvm::getColorCategory()});
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "corolint " COROLINT_VERSION " (clang-tidy checks coro-*, LLVM "
       << LLVM_VERSION_STRING << ")\n";
  });
  // As clang-tidy: what follows '--' is the compile command of the files.
  int Own =
      std::find_if(Argv + 1, Argv + Argc,
                   [](const char *A) { return llvm::StringRef(A) == "--"; }) -
      Argv;
  if (!cl::ParseCommandLineOptions(
          Own, Argv,
          "corolint: finds C++20 coroutines that block their thread, across\n"
          "the files of a compile database.\n\n"
          "Exit status: 0 no findings, 1 findings, 2 usage or configuration\n"
          "error, 3 some files could not be analysed (the others are "
          "reported).\n",
          &llvm::errs()))
    return std::nullopt;
  RunOptions O;
  O.BuildPath = BuildPath;
  if (Own < Argc)
    O.CompileArgs.emplace(Argv + Own + 1, Argv + Argc);
  O.Files.assign(Files.begin(), Files.end());
  if (Checks.getNumOccurrences())
    O.Tidy.Checks = Checks;
  if (HeaderFilter.getNumOccurrences())
    O.Tidy.HeaderFilter = HeaderFilter;
  if (ExcludeHeaderFilter.getNumOccurrences())
    O.Tidy.ExcludeHeaderFilter = ExcludeHeaderFilter;
  if (WarningsAsErrors.getNumOccurrences())
    O.Tidy.WarningsAsErrors = WarningsAsErrors;
  if (SystemHeaders.getNumOccurrences())
    O.Tidy.SystemHeaders = SystemHeaders;
  if (FormatStyle.getNumOccurrences())
    O.Tidy.FormatStyle = FormatStyle;
  O.Tidy.VfsOverlay = VfsOverlay;
  if (!LineFilter.empty()) {
    clang::tidy::ClangTidyGlobalOptions Global;
    if (std::error_code EC = clang::tidy::parseLineFilter(LineFilter, Global)) {
      usageError("--line-filter: " + EC.message() + " in '" + LineFilter +
                 "'; expected [{\"name\":\"file.cpp\",\"lines\":[[1,3]]}]");
      return std::nullopt;
    }
    O.LineFilter = std::move(Global.LineFilter);
  }
  O.AllowNoChecks = AllowNoChecks;
  O.VerifyConfig = VerifyConfig;
  if (EnableCheckProfile)
    llvm::WithColor::warning(llvm::errs(), "corolint")
        << "--enable-check-profile: no per-check profile; the coro-* checks "
           "share one analysis per file\n";
  O.Tidy.ConfigFile = ConfigFile;
  O.Tidy.Config = Config;
  O.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  O.ExtraArgsBefore.assign(ExtraArgsBefore.begin(), ExtraArgsBefore.end());
  O.Jobs = Jobs;
  O.Output = OutputFormat;
  O.SourceRoot = SourceRoot;
  O.DocsUrl = DocsUrl;
  // As in clang-tidy, --fix-notes implies --fix.
  O.Fix = Fix || FixErrors || FixNotes || Diff;
  O.Diff = Diff;
  O.FixNotes = FixNotes;
  O.ExportFixes = ExportFixes;
  O.Shard = Shard;
  O.FactsOut = FactsOut;
  O.FactsIn.assign(FactsIn.begin(), FactsIn.end());
  O.CacheDir = CacheDir;
  O.NoCache = NoCache;
  O.RefreshCache = RefreshCache;
  O.SkipMissingFiles = SkipMissingFiles;
  O.ProgressInterval = ProgressInterval;
  O.LowPriority = LowPriority;
  O.Baseline = BaselineFile;
  O.WriteBaseline = WriteBaseline;
  O.ListChecks = ListChecks;
  O.DumpConfig = DumpConfig;
  O.ExplainConfig = ExplainConfig;
  O.ListBlocking = ListBlockingOption;
  O.Quiet = Quiet;
  O.WorkerFactsFile = FactsFile;
  O.WorkerParent = ParentPid;
  if (O.RefreshCache &&
      (O.NoCache || !O.FactsIn.empty() || !O.FactsOut.empty())) {
    usageError("--refresh-cache cannot be combined with --no-cache, "
               "--facts-in or --facts-out");
    return std::nullopt;
  }
  if (!O.Tidy.Config.empty() && !O.Tidy.ConfigFile.empty()) {
    usageError("--config and --config-file are mutually exclusive: "
               "give the configuration one way");
    return std::nullopt;
  }
  return O;
}

std::vector<std::string>
RunOptions::workerCommand(const std::string &Self,
                          const std::string &DatabaseDir) const {
  std::vector<std::string> Command = {Self};
  if (!CompileArgs)
    Command.insert(Command.end(), {"-p", DatabaseDir});
  if (Tidy.Checks)
    Command.push_back("--checks=" + *Tidy.Checks);
  if (!Tidy.ConfigFile.empty())
    Command.push_back("--config-file=" + Tidy.ConfigFile);
  if (!Tidy.Config.empty())
    Command.push_back("--config=" + Tidy.Config);
  if (Tidy.SystemHeaders)
    Command.push_back(std::string("--system-headers=") +
                      (*Tidy.SystemHeaders ? "true" : "false"));
  if (!Tidy.VfsOverlay.empty())
    Command.push_back("--vfsoverlay=" + Tidy.VfsOverlay);
  for (const std::string &A : ExtraArgsBefore)
    Command.push_back("--extra-arg-before=" + A);
  for (const std::string &A : ExtraArgs)
    Command.push_back("--extra-arg=" + A);
  if (CompileArgs) {
    Command.push_back("--");
    Command.insert(Command.end(), CompileArgs->begin(), CompileArgs->end());
  }
  return Command;
}

} // namespace corolint
