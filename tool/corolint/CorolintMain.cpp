//===--- CorolintMain.cpp - The standalone corolint -----------------------===//
//
// Analyses every file of a compile database: each file is parsed once, in a
// worker process of its own (-j at a time), which runs the coro-* checks and
// hands back the file's facts; the AST goes with the process. The facts of
// all files are then merged, so that chains crossing files are found, and
// the findings are reported.
//
//===----------------------------------------------------------------------===//

#include "Cache.h"
#include "Checks.h"
#include "Program.h"
#include "Fixes.h"
#include "ListBlocking.h"
#include "Report.h"
#include "WriteFile.h"
#include "Worker.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "clang/Driver/Types.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/xxhash.h"
#include <atomic>
#include <sched.h>
#include <sys/resource.h>
#include <chrono>
#include <functional>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>

using namespace clang;
using namespace corolint;
namespace cl = llvm::cl;

namespace {

cl::OptionCategory Category("corolint options");

cl::opt<std::string> BuildPath("p", cl::desc("Build directory: where compile_commands.json is"),
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
    cl::desc("The configuration, as YAML or JSON, instead of .clang-tidy files."),
    cl::cat(Category));
cl::list<std::string> ExtraArgs(
    "extra-arg",
    cl::desc("An argument appended to every compile command, as in\n"
             "clang-tidy (repeatable)"),
    cl::cat(Category));
cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    cl::desc("An argument put before the others of every compile\n"
             "command, as in clang-tidy (repeatable)"),
    cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Files parsed at once (default: all cores)"),
                       cl::init(0), cl::cat(Category));
enum class Format { Text, JSON, SARIF };
cl::opt<Format> OutputFormat(
    "format", cl::desc("Output format"), cl::init(Format::Text),
    cl::values(clEnumValN(Format::Text, "text", "clang's diagnostics (default)"),
               clEnumValN(Format::JSON, "json", "one JSON document"),
               clEnumValN(Format::SARIF, "sarif",
                          "SARIF 2.1.0, for GitHub code scanning")),
    cl::cat(Category));
cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Paths in SARIF output and baselines are relative to this\n"
             "directory (default: the current directory)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply the fixes of the findings, refusing any\n"
                                  "that overlaps another"),
                  cl::cat(Category));
cl::opt<bool> FixNotes(
    "fix-notes",
    cl::desc("Also take a fix offered on a note, where the warning has\n"
             "none of its own (the async-all-the-way-up rewrite); implies\n"
             "--fix, as in clang-tidy"),
    cl::cat(Category));
cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the findings and their fixes as YAML for\n"
             "clang-apply-replacements"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Analyse only shard K of N of the files (1 <= K <= N); with\n"
             "--facts-out, for a CI matrix"),
    cl::value_desc("K/N"), cl::cat(Category));
cl::opt<std::string> FactsOut(
    "facts-out",
    cl::desc("Write each file's facts to this directory instead of\n"
             "reporting; --facts-in reports them"),
    cl::value_desc("dir"), cl::cat(Category));
cl::list<std::string> FactsIn(
    "facts-in",
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
cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record the current findings as the baseline"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> ListChecks(
    "list-checks",
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
cl::opt<bool> ListBlockingOption(
    "list-blocking",
    cl::desc("List what the checks know blocks: sleeps, nested runs and\n"
             "each family of blocking calls with its option, then exit"),
    cl::cat(Category));
// A worker: analyse the one file given and write its facts here.
cl::opt<std::string> FactsFile("worker-facts-file", cl::Hidden,
                               cl::cat(Category));

constexpr int ExitFindings = 1, ExitUsage = 2, ExitFailedFiles = 3;

int usageError(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "corolint") << Message << "\n";
  return ExitUsage;
}

TidyFlags tidyFlags() {
  TidyFlags F;
  if (Checks.getNumOccurrences())
    F.Checks = Checks;
  if (HeaderFilter.getNumOccurrences())
    F.HeaderFilter = HeaderFilter;
  if (WarningsAsErrors.getNumOccurrences())
    F.WarningsAsErrors = WarningsAsErrors;
  F.ConfigFile = ConfigFile;
  F.Config = Config;
  return F;
}

std::unique_ptr<tooling::CompilationDatabase>
loadDatabase(std::string &Directory, std::string &Error) {
  std::unique_ptr<tooling::CompilationDatabase> DB;
  if (!BuildPath.empty()) {
    Directory = BuildPath;
    if (!llvm::sys::fs::is_directory(Directory)) {
      Error = "'" + Directory + "' is not a directory; -p takes the build "
              "directory that holds compile_commands.json";
      return nullptr;
    }
    llvm::SmallString<256> Json(Directory);
    llvm::sys::path::append(Json, "compile_commands.json");
    if (!llvm::sys::fs::exists(Json)) {
      Error = "no compile_commands.json in '" + Directory +
              "'; CMake writes one with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON";
      return nullptr;
    }
    std::string Why;
    DB = tooling::JSONCompilationDatabase::loadFromFile(
        Json, Why, tooling::JSONCommandLineSyntax::AutoDetect);
    if (!DB) {
      Error = Json.str().str() + " is not a valid compile database: " + Why;
      return nullptr;
    }
  } else {
    // As clang-tidy does without -p: the first compile_commands.json from
    // the first file's directory upwards.
    std::string Start = Files.empty() ? "." : Files.front();
    llvm::SmallString<256> Dir(Start);
    llvm::sys::fs::make_absolute(Dir);
    if (!llvm::sys::fs::is_directory(Dir))
      llvm::sys::path::remove_filename(Dir);
    for (; !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
      llvm::SmallString<256> Json(Dir);
      llvm::sys::path::append(Json, "compile_commands.json");
      if (llvm::sys::fs::exists(Json)) {
        BuildPath = Dir.str().str();
        return loadDatabase(Directory, Error);
      }
      if (llvm::sys::path::parent_path(Dir) == Dir)
        break;
    }
    Error = "no compile_commands.json found from '" + Start +
            "' upwards; give the build directory with -p BUILD_DIR";
    return nullptr;
  }
  // As clang-tidy does: response files (@flags.rsp) are expanded, a file
  // the database lacks borrows a neighbour's command, and --extra-arg(-before)
  // go into every command.
  DB = tooling::inferMissingCompileCommands(tooling::expandResponseFiles(
      std::move(DB), llvm::vfs::getRealFileSystem()));
  if (ExtraArgs.empty() && ExtraArgsBefore.empty())
    return DB;
  auto Adjusted =
      std::make_unique<tooling::ArgumentsAdjustingCompilations>(std::move(DB));
  Adjusted->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      std::vector<std::string>(ExtraArgsBefore.begin(), ExtraArgsBefore.end()),
      tooling::ArgumentInsertPosition::BEGIN));
  Adjusted->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      std::vector<std::string>(ExtraArgs.begin(), ExtraArgs.end()),
      tooling::ArgumentInsertPosition::END));
  return Adjusted;
}

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  return P.str().str();
}

/// Where the cache goes by default: in the build directory, unless the
/// compile database sits in the source tree (no build system's files beside
/// it, and sources below it), which the cache must not litter; then under
/// the user's cache directory, by the database directory's hash.
std::string defaultCacheDir(llvm::StringRef DatabaseDir,
                            llvm::ArrayRef<std::string> Sources) {
  // One directory, one cache, however -p spells it.
  std::string Dir = canonicalPath(DatabaseDir);
  llvm::SmallString<256> Spelled(absolute(DatabaseDir));
  llvm::sys::path::remove_dots(Spelled, /*remove_dot_dot=*/true);
  static constexpr llvm::StringLiteral BuildFiles[] = {
      "CMakeCache.txt", "build.ninja", "Makefile", "meson-private",
      "config.status"};
  bool BuildDirectory = llvm::any_of(BuildFiles, [&](llvm::StringRef F) {
    return llvm::sys::fs::exists(Dir + "/" + F);
  });
  bool HoldsSources = llvm::any_of(Sources, [&](const std::string &S) {
    return llvm::StringRef(S).starts_with(Dir + "/") ||
           llvm::StringRef(S).starts_with((Spelled + "/").str());
  });
  llvm::SmallString<256> Cache;
  if (BuildDirectory || !HoldsSources) {
    Cache = Dir;
    llvm::sys::path::append(Cache, ".corolint-cache");
    return Cache.str().str();
  }
  // $XDG_CACHE_HOME, or ~/.cache.
  if (!llvm::sys::path::cache_directory(Cache))
    llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/false, Cache);
  llvm::sys::path::append(Cache, "corolint",
                          llvm::utohexstr(llvm::xxh3_64bits(Dir)));
  return Cache.str().str();
}

/// Checks the flags that would make every file fail, before any work.
std::optional<int> validateFlags(const TidyFlags &Flags) {
  if (Flags.HeaderFilter) {
    std::string Why;
    if (!llvm::Regex(*Flags.HeaderFilter).isValid(Why))
      return usageError("--header-filter: invalid regular expression '" +
                        *Flags.HeaderFilter + "': " + Why);
  }
  auto Provider = makeOptionsProvider(Flags);
  if (!Provider)
    return usageError(llvm::toString(Provider.takeError()));
  if (Flags.Checks) {
    // A name without a wildcard must name one of corolint's checks.
    tidy::ClangTidyOptions All = tidy::ClangTidyOptions::getDefaults();
    All.Checks = "-*,coro-*";
    std::vector<std::string> Known = tidy::getCheckNames(All, false);
    llvm::SmallVector<llvm::StringRef> Globs;
    llvm::StringRef(*Flags.Checks).split(Globs, ',', -1, false);
    for (llvm::StringRef G : Globs) {
      G = G.trim();
      if (G.starts_with("-") || G.contains('*') || G.empty())
        continue;
      if (!llvm::is_contained(Known, G))
        return usageError("--checks: unknown check '" + G +
                          "'; corolint's checks are " + llvm::join(Known, ", "));
    }
  }
  return std::nullopt;
}

int runWorker(const tooling::CompilationDatabase &DB) {
  if (Files.size() != 1)
    return usageError("a worker takes exactly one file");
  if (llvm::Error E = analyseFile(Files.front(), DB, tidyFlags(), FactsFile)) {
    llvm::WithColor::error(llvm::errs(), "corolint")
        << llvm::toString(std::move(E)) << "\n";
    return 1;
  }
  return 0;
}

/// The progress line: files done, total, time left; on a terminal only.
/// With --refresh-cache, a line 'files D/N' on standard output per file
/// instead, for the program that runs it.
class Progress {
public:
  explicit Progress(size_t Total)
      : Total(Total),
        Shown(!Quiet && llvm::sys::Process::StandardErrIsDisplayed()),
        Start(std::chrono::steady_clock::now()) {
    if (RefreshCache)
      llvm::outs() << "files 0/" << Total << "\n";
    llvm::outs().flush();
  }
  void done() {
    std::lock_guard<std::mutex> Lock(M);
    ++Done;
    if (RefreshCache) {
      llvm::outs() << "files " << Done << "/" << Total << "\n";
      llvm::outs().flush();
      return;
    }
    if (!Shown)
      return;
    double Elapsed = std::chrono::duration<double>(
                         std::chrono::steady_clock::now() - Start)
                         .count();
    unsigned Left = Done ? Elapsed / Done * (Total - Done) : 0;
    llvm::errs() << llvm::format("\rcorolint: %zu/%zu files, %u:%02u left ", Done,
                                 Total, Left / 60, Left % 60);
    if (Done == Total)
      llvm::errs() << "\r\x1b[K";
  }

private:
  std::mutex M;
  size_t Total, Done = 0;
  bool Shown;
  std::chrono::steady_clock::time_point Start;
};

/// What a file's facts depend on besides the files it reads: corolint's
/// version, its compile command and its effective configuration.
std::string cacheKey(const std::string &Path,
                     const tooling::CompilationDatabase &DB,
                     tidy::ClangTidyOptionsProvider &Options) {
  std::string Key = "corolint " COROLINT_VERSION "\n";
  for (const tooling::CompileCommand &C : DB.getCompileCommands(Path))
    Key += C.Directory + "\n" + llvm::join(C.CommandLine, "\x1f") + "\n";
  Key += tidy::configurationAsText(Options.getOptions(Path));
  // The entry's key is its first line.
  std::replace(Key.begin(), Key.end(), '\n', '\x1e');
  return Key;
}

/// The facts of a file that could not be analysed: only why.
std::string failedFacts(llvm::StringRef File,
                        llvm::ArrayRef<std::string> Errors) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  FactsWriter W(OS, File);
  for (const std::string &E : Errors)
    W.error(E);
  W.end(false);
  return Text;
}

/// A temporary file that is removed when the run is interrupted, and when
/// it goes out of scope.
class ScratchFile {
public:
  ScratchFile(llvm::StringRef Suffix, std::string &Error) {
    if (std::error_code EC =
            llvm::sys::fs::createTemporaryFile("corolint", Suffix, Path)) {
      Error = "cannot create a temporary file: " + EC.message();
      Path.clear();
      return;
    }
    llvm::sys::RemoveFileOnSignal(Path);
  }
  ~ScratchFile() {
    if (Path.empty())
      return;
    llvm::sys::fs::remove(Path);
    llvm::sys::DontRemoveFileOnSignal(Path);
  }
  llvm::StringRef path() const { return Path; }

private:
  llvm::SmallString<128> Path;
};

/// Runs the worker on one file and returns its facts, or, when the worker
/// failed, facts that say how.
std::string runWorkerOn(const std::string &Path,
                        llvm::ArrayRef<std::string> Common) {
  std::string Error;
  ScratchFile Out("json", Error), Err("err", Error);
  if (!Error.empty())
    return failedFacts(Path, {Error});
  std::vector<std::string> Args(Common.begin(), Common.end());
  Args.push_back(("--worker-facts-file=" + Out.path()).str());
  Args.push_back(Path);
  std::vector<llvm::StringRef> Refs(Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(""), Err.path()};
  std::string ErrMsg;
  int Status = llvm::sys::ExecuteAndWait(Common.front(), Refs, std::nullopt,
                                         Redirects, 0, 0, &ErrMsg);
  auto Buffer = llvm::MemoryBuffer::getFile(Out.path());
  if (Status == 0 && Buffer)
    return (*Buffer)->getBuffer().str();
  std::vector<std::string> Errors{
      Status < 0 ? "corolint crashed on it (" + ErrMsg +
                       "); please report this with the file"
                 : "corolint could not analyse it: " + ErrMsg};
  if (auto Log = llvm::MemoryBuffer::getFile(Err.path()))
    for (llvm::StringRef Line : llvm::split((*Log)->getBuffer().rtrim(), '\n'))
      if (!Line.empty())
        Errors.push_back(Line.str());
  return failedFacts(Path, Errors);
}

/// Each file's facts: from the cache where they are fresh, else from a
/// worker process of its own, Jobs at a time. Facts holds the cache's hits
/// as empty strings: the caller reads them from the cache.
struct Analysed {
  std::vector<std::string> Facts;
  std::vector<std::string> Keys;
  std::vector<bool> FromCache;
  std::vector<std::string> Common; // the worker's command line
};

void analyseAll(const std::vector<std::string> &Paths,
                const std::string &DatabaseDir, const char *Argv0,
                const tooling::CompilationDatabase &DB, FactsCache *Cache,
                Analysed &Result) {
  std::string Self = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&analyseAll));
  Result.Facts.resize(Paths.size());
  Result.Keys.resize(Paths.size());
  Result.FromCache.assign(Paths.size(), false);
  auto Options = makeOptionsProvider(tidyFlags());
  if (!Options) { // validated before; cannot fail here
    llvm::consumeError(Options.takeError());
    Cache = nullptr;
  }
  std::mutex OptionsMutex; // clang-tidy's options provider is not thread-safe
  std::vector<std::string> &Common = Result.Common;
  Common = {Self, "-p", DatabaseDir};
  if (Checks.getNumOccurrences())
    Common.push_back("--checks=" + Checks);
  if (HeaderFilter.getNumOccurrences())
    Common.push_back("--header-filter=" + HeaderFilter);
  if (!ConfigFile.empty())
    Common.push_back("--config-file=" + ConfigFile);
  if (!Config.empty())
    Common.push_back("--config=" + Config);
  for (const std::string &A : ExtraArgsBefore)
    Common.push_back("--extra-arg-before=" + A);
  for (const std::string &A : ExtraArgs)
    Common.push_back("--extra-arg=" + A);

  Progress Bar(Paths.size());
  std::atomic<size_t> Next{0};
  auto Work = [&] {
    for (size_t I; (I = Next++) < Paths.size();) {
      if (Cache) {
        {
          std::lock_guard<std::mutex> Lock(OptionsMutex);
          Result.Keys[I] = cacheKey(Paths[I], DB, **Options);
        }
        if (Cache->lookup(Paths[I], Result.Keys[I])) {
          Result.FromCache[I] = true;
          Bar.done();
          continue;
        }
      }
      Result.Facts[I] = runWorkerOn(Paths[I], Common);
      Bar.done();
    }
  };
  // No more threads than files, nor than the system gives: each thread
  // waits for one worker process at a time.
  unsigned N = Jobs ? Jobs.getValue()
                    : llvm::hardware_concurrency().compute_thread_count();
  N = std::clamp<size_t>(N, 1, std::max<size_t>(1, Paths.size()));
  std::vector<std::thread> Threads;
  for (unsigned T = 0; T < N; ++T) {
    try {
      Threads.emplace_back(Work);
    } catch (const std::system_error &) {
      if (Threads.empty())
        Work(); // no thread at all: this one does the work
      break;
    }
  }
  for (std::thread &T : Threads)
    T.join();
}

/// The facts files that --facts-out wrote, from every directory given.
std::optional<std::vector<std::string>>
factsFilesOf(const std::vector<std::string> &Dirs) {
  std::vector<std::string> All;
  for (const std::string &Dir : Dirs) {
    if (!llvm::sys::fs::is_directory(Dir)) {
      usageError("--facts-in: '" + Dir + "' is not a directory");
      return std::nullopt;
    }
    llvm::Expected<std::vector<std::string>> Entries = factsFilesIn(Dir);
    if (!Entries) {
      usageError("--facts-in: " + llvm::toString(Entries.takeError()));
      return std::nullopt;
    }
    All.insert(All.end(), Entries->begin(), Entries->end());
  }
  return All;
}

/// Prepares Dir for --facts-out: it is to hold this run's facts only.
/// Facts of an earlier run (of files since deleted, say) would be read back
/// with these; only the names factsFilePath gives (hashes) are removed.
std::optional<int> clearFactsDir(llvm::StringRef Dir) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return usageError("--facts-out: cannot create '" + Dir + "': " +
                      EC.message());
  llvm::Expected<std::vector<std::string>> Old = factsFilesIn(Dir);
  if (!Old)
    return usageError("--facts-out: " + llvm::toString(Old.takeError()));
  for (const std::string &Path : *Old) {
    llvm::StringRef Name = llvm::sys::path::stem(Path);
    uint64_t Hash;
    if (!Name.getAsInteger(16, Hash))
      llvm::sys::fs::remove(Path);
  }
  return std::nullopt;
}

/// Adds one file's facts to P and R: its failure, its inputs, its graphs,
/// findings and candidates.
void addFacts(FileFacts &&F, Program &P, Results &R,
              std::set<std::string> &ConfigErrors) {
  ++R.Files;
  ConfigErrors.insert(F.ConfigErrors.begin(), F.ConfigErrors.end());
  if (!F.Parsed) {
    R.Failures.push_back({F.File, F.Errors});
    return;
  }
  R.Inputs.insert(F.Inputs.begin(), F.Inputs.end());
  for (const auto &[Check, At] : F.Hidden)
    R.Hidden.insert({Check, At.File, At.Offset});
  P.add(std::move(F));
}

/// Keeps the findings and failures of the files given, saying how many
/// other files could not be analysed (their chains are not seen).
void focusOn(const std::set<std::string> &Focus, Results &R) {
  llvm::erase_if(R.Findings, [&](const Reported &F) {
    return !Focus.count(R.str(F.F.At.File).str());
  });
  size_t Failed = R.Failures.size();
  llvm::erase_if(R.Failures, [&](const Failure &F) {
    return !Focus.count(canonicalPath(F.File));
  });
  size_t Others = Failed - R.Failures.size();
  if (Others)
    llvm::errs() << llvm::formatv(
        "corolint: {0} other file{1} of the database could not be analysed; "
        "chains through {2} are not seen\n",
        Others, Others == 1 ? "" : "s", Others == 1 ? "it" : "them");
  R.Files = Focus.size();
}

/// The files of shard K/N: every N-th of the sorted list, from the K-th.
std::optional<std::vector<std::string>>
shardOf(std::vector<std::string> Paths) {
  if (Shard.empty())
    return Paths;
  auto [KText, NText] = llvm::StringRef(Shard).split('/');
  unsigned K = 0, N = 0;
  if (KText.getAsInteger(10, K) || NText.getAsInteger(10, N) || N == 0 ||
      K == 0 || K > N) {
    usageError("--shard: expected K/N with 1 <= K <= N, not '" + Shard + "'");
    return std::nullopt;
  }
  llvm::sort(Paths);
  std::vector<std::string> Mine;
  for (size_t I = K - 1; I < Paths.size(); I += N)
    Mine.push_back(Paths[I]);
  return Mine;
}

/// Marks the findings whose check the configuration of their file turns
/// into errors (WarningsAsErrors); returns whether any configuration names
/// a check at all.
bool markErrors(Results &R) {
  auto Provider = makeOptionsProvider(tidyFlags());
  if (!Provider) { // validated before the run
    llvm::consumeError(Provider.takeError());
    return false;
  }
  bool Configured = false;
  llvm::StringMap<std::optional<std::string>> ByDirectory;
  for (Reported &F : R.Findings) {
    llvm::StringRef File = R.str(F.F.At.File);
    auto [It, New] =
        ByDirectory.try_emplace(llvm::sys::path::parent_path(File));
    if (New)
      It->second = (*Provider)->getOptions(File).WarningsAsErrors;
    if (!It->second || It->second->empty())
      continue;
    Configured = true;
    F.AsError = tidy::GlobList(*It->second)
                    .contains(checkInfo(F.F.Check).Name);
  }
  if (WarningsAsErrors.getNumOccurrences() && !WarningsAsErrors.empty())
    Configured = true;
  return Configured;
}

/// --list-checks, --dump-config and --explain-config, as clang-tidy prints
/// them: for the configuration of the first file given, or of the current
/// directory.
int printConfiguration() {
  if (std::optional<int> Status = validateFlags(tidyFlags()))
    return *Status;
  auto Provider = makeOptionsProvider(tidyFlags());
  if (!Provider)
    return usageError(llvm::toString(Provider.takeError()));
  llvm::SmallString<256> Where(Files.empty() ? "" : Files.front());
  if (Files.empty())
    llvm::sys::path::append(Where, "dummy.cpp");
  llvm::sys::fs::make_absolute(Where);
  tidy::ClangTidyOptions Options = (*Provider)->getOptions(Where);
  std::vector<std::string> Enabled = tidy::getCheckNames(Options, false);
  std::vector<tidy::ClangTidyOptionsProvider::OptionsSource> Sources =
      (*Provider)->getRawOptions(Where);
  if (ExplainConfig)
    for (const std::string &Check : Enabled)
      for (const auto &[Raw, Source] : llvm::reverse(Sources))
        if (Raw.Checks && tidy::GlobList(*Raw.Checks).contains(Check)) {
          llvm::outs() << "'" << Check << "' is enabled in the "
                       << (Source == tidy::ClangTidyOptionsProvider::
                                         OptionsSourceTypeDefaultBinary
                               ? "corolint binary (its default)"
                               : Source)
                       << ".\n";
          break;
        }
  if (ListChecks) {
    llvm::outs() << "Enabled checks:\n";
    for (const std::string &Name : Enabled)
      llvm::outs() << "    " << Name << "\n";
    llvm::outs() << "\n";
  }
  if (DumpConfig) {
    Options.CheckOptions = tidy::getCheckOptions(Options, false);
    llvm::outs() << tidy::configurationAsText(
                        tidy::ClangTidyOptions::getDefaults().merge(Options, 0))
                 << "\n";
  }
  return 0;
}

} // namespace

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

int main(int Argc, const char **Argv) {
  static const std::string ChecksHelp = checksHelp();
  static cl::extrahelp More(ChecksHelp.c_str());
  // --color and --color=false are LLVM's own option.
  cl::HideUnrelatedOptions({&Category, &llvm::getColorCategory()});
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "corolint " COROLINT_VERSION " (clang-tidy checks coro-*, LLVM "
       << LLVM_VERSION_STRING << ")\n";
  });
  if (!cl::ParseCommandLineOptions(
          Argc, Argv,
          "corolint: finds C++20 coroutines that block their thread, across\n"
          "the files of a compile database.\n\n"
          "Exit status: 0 no findings, 1 findings, 2 usage or configuration\n"
          "error, 3 some files could not be analysed (the others are reported).\n",
          &llvm::errs()))
    return ExitUsage;

  // As in clang-tidy, --fix-notes implies --fix.
  if (FixNotes)
    Fix = true;
  if (LowPriority) {
    // Threads and processes started from here on inherit both. Not idle
    // scheduling: on a machine kept busy (a build), that would get no CPU
    // at all until the load ends; nice 19 gets a small share.
    sched_param Param{};
    sched_setscheduler(0, SCHED_BATCH, &Param);
    setpriority(PRIO_PROCESS, 0, 19);
  }
  if (RefreshCache && (NoCache || !FactsIn.empty() || !FactsOut.empty()))
    return usageError("--refresh-cache cannot be combined with --no-cache, "
                      "--facts-in or --facts-out");
  if (ListBlockingOption) {
    listBlocking(llvm::outs());
    return 0;
  }
  if (ListChecks || DumpConfig || ExplainConfig)
    return printConfiguration();
  if (!Config.empty() && !ConfigFile.empty())
    return usageError("--config and --config-file are mutually exclusive: "
                      "give the configuration one way");
  // The baseline is read before any work, so that a bad one stops the run.
  std::optional<Baseline> Accepted;
  if (!BaselineFile.empty()) {
    llvm::Expected<Baseline> B = readBaseline(BaselineFile);
    if (!B)
      return usageError(llvm::toString(B.takeError()));
    Accepted = std::move(*B);
  }

  Program P;
  Results R;
  std::set<std::string> ConfigErrors;
  std::set<std::string> Focus; // the files given, when some are
  unsigned FromCache = 0;
  if (!FactsIn.empty()) {
    // Reporting from the facts of shards: no parsing, no database.
    std::vector<std::string> Dirs(FactsIn.begin(), FactsIn.end());
    Dirs.insert(Dirs.end(), Files.begin(), Files.end());
    std::optional<std::vector<std::string>> Paths = factsFilesOf(Dirs);
    if (!Paths)
      return ExitUsage;
    for (const std::string &Path : *Paths) {
      auto Buffer = llvm::MemoryBuffer::getFile(Path);
      if (!Buffer)
        return usageError("--facts-in: cannot read " + Path + ": " +
                          Buffer.getError().message());
      llvm::Expected<FileFacts> F =
          readFacts((*Buffer)->getBuffer(), Path, P.Strings);
      if (!F)
        return usageError("--facts-in: " + llvm::toString(F.takeError()));
      addFacts(std::move(*F), P, R, ConfigErrors);
    }
  } else {
    std::string DatabaseDir, Error;
    std::unique_ptr<tooling::CompilationDatabase> DB =
        loadDatabase(DatabaseDir, Error);
    if (!DB)
      return usageError(Error);
    if (!FactsFile.empty())
      return runWorker(*DB);

    if (std::optional<int> Status = validateFlags(tidyFlags()))
      return *Status;

    // Files named on the command line are the ones reported; every other
    // file of the database is analysed too (from the cache where its facts
    // are fresh), so that chains through them are seen, as in a full run.
    // With --facts-out, which reports nothing, they are the files analysed.
    std::vector<std::string> Paths;
    if (Files.empty() || FactsOut.empty())
      Paths = DB->getAllFiles();
    std::set<std::string> Listed;
    if (!Files.empty())
      for (const std::string &P : Paths)
        Listed.insert(canonicalPath(P));
    for (const std::string &F : Files) {
      llvm::SmallString<256> P(F);
      llvm::sys::fs::make_absolute(P);
      llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/false);
      Focus.insert(canonicalPath(P));
      if (!Listed.count(canonicalPath(P)))
        Paths.push_back(P.str().str());
    }
    // Assembler and other sources a database may list are not corolint's:
    // they are left out, once said.
    std::set<std::string> Skipped;
    llvm::erase_if(Paths, [&](const std::string &P) {
      llvm::StringRef Ext = llvm::sys::path::extension(P);
      driver::types::ID Type = driver::types::lookupTypeForExtension(
          Ext.empty() ? Ext : Ext.drop_front());
      if (driver::types::isCXX(Type) || Type == driver::types::TY_C ||
          Type == driver::types::TY_CHeader)
        return false;
      Skipped.insert(Ext.empty() ? "(no extension)" : Ext.str());
      return true;
    });
    if (!Skipped.empty())
      llvm::errs() << "corolint: left out the database's entries that are not "
                      "C or C++ sources ("
                   << llvm::join(Skipped, ", ") << ")\n";
    if (Paths.empty())
      return usageError("the compile database in '" + DatabaseDir +
                        "' lists no files");
    std::optional<std::vector<std::string>> Mine = shardOf(std::move(Paths));
    if (!Mine)
      return ExitUsage;
    // Options the checks reject would make every file wrong alike: they are
    // found before any file is parsed.
    std::vector<std::string> Rejected = configurationErrors(tidyFlags(), *Mine);
    for (const std::string &E : Rejected)
      usageError(E);
    if (!Rejected.empty())
      return ExitUsage;
    if (!FactsOut.empty())
      if (std::optional<int> Status = clearFactsDir(FactsOut))
        return *Status;

    // A file that cannot be read fails on its own; the others go on.
    std::vector<std::string> Readable;
    std::vector<std::pair<std::string, std::string>> Unreadable;
    for (const std::string &Path : *Mine) {
      llvm::Expected<llvm::sys::fs::file_t> Handle =
          llvm::sys::fs::openNativeFileForRead(Path);
      if (!Handle) {
        Unreadable.push_back(
            {Path, failedFacts(Path, {"cannot read " + Path + ": " +
                                      llvm::toString(Handle.takeError())})});
        continue;
      }
      llvm::sys::fs::closeFile(*Handle);
      Readable.push_back(Path);
    }
    std::optional<FactsCache> Cache;
    if (!NoCache)
      Cache.emplace(CacheDir.empty() ? defaultCacheDir(DatabaseDir, *Mine)
                                     : absolute(CacheDir));
    if (RefreshCache)
      llvm::outs() << "cache " << Cache->directory() << "\n";
    Analysed Done;
    analyseAll(Readable, DatabaseDir, Argv[0], *DB, Cache ? &*Cache : nullptr,
               Done);

    // Each file's facts into the program, one file at a time: the cache's,
    // or the worker's (which the cache then keeps).
    auto Take = [&](const std::string &Path, std::string Text,
                    const std::function<std::string()> &Reanalyse,
                    bool Hit, llvm::StringRef Key) {
      llvm::Expected<FileFacts> F = readFacts(Text, Path, P.Strings);
      if (!F && Hit) {
        // A damaged entry is not trusted: the file is parsed again.
        llvm::consumeError(F.takeError());
        Hit = false;
        Text = Reanalyse();
        F = readFacts(Text, Path, P.Strings);
      }
      if (!F) {
        std::string Why = llvm::toString(F.takeError());
        Text = failedFacts(Path, {"corolint could not read its facts: " + Why});
        F = readFacts(Text, Path, P.Strings);
        if (!F) // cannot happen: the facts were just written
          return;
      }
      if (Hit)
        ++FromCache;
      else if (Cache && F->Parsed && F->File == Path)
        Cache->store(Path, Key, F->Inputs, Text);
      if (!FactsOut.empty())
        if (llvm::Error E =
                writeFileAtomically(factsFilePath(FactsOut, Path), Text))
          ConfigErrors.insert("--facts-out: " + llvm::toString(std::move(E)));
      addFacts(std::move(*F), P, R, ConfigErrors);
    };
    for (auto &[Path, Text] : Unreadable)
      Take(Path, std::move(Text), nullptr, false, "");
    for (size_t I = 0; I < Readable.size(); ++I) {
      auto Reanalyse = [&] {
        return runWorkerOn(Readable[I], Done.Common);
      };
      std::optional<std::string> Cached;
      if (Done.FromCache[I])
        Cached = Cache->lookup(Readable[I], Done.Keys[I]);
      Take(Readable[I],
           Cached ? std::move(*Cached)
                  : !Done.Facts[I].empty() ? std::move(Done.Facts[I])
                                           : Reanalyse(),
           Reanalyse, Cached.has_value(), Done.Keys[I]);
    }
    // Options the checks reject: every file would be wrong alike.
    for (const std::string &E : ConfigErrors)
      usageError(E);
    if (!ConfigErrors.empty())
      return ExitUsage;
    if (!FactsOut.empty()) {
      llvm::errs() << llvm::formatv(
          "corolint: wrote the facts of {0} file{1} to {2}\n", R.Files,
          R.Files == 1 ? "" : "s", FactsOut);
      return 0;
    }
    if (RefreshCache) {
      if (!Quiet)
        llvm::errs() << llvm::formatv(
            "corolint: the cache holds the facts of {0} file{1}, {2} of "
            "them just analysed; {3} could not be analysed\n",
            R.Files - R.Failures.size(), R.Files - R.Failures.size() == 1 ? "" : "s",
            R.Files - R.Failures.size() - FromCache, R.Failures.size());
      return 0;
    }
  }

  // Spelled as the paths of the findings are.
  std::string Root = canonicalPath(SourceRoot);

  collectFindings(P, R);
  if (!Focus.empty())
    focusOn(Focus, R);
  if (!WriteBaseline.empty()) {
    // Writing the baseline accepts the findings: it succeeds unless files
    // failed, whose findings the baseline lacks.
    if (llvm::Error E = writeBaseline(R, Root, WriteBaseline))
      return usageError(llvm::toString(std::move(E)));
    llvm::errs() << llvm::formatv(
        "corolint: wrote {0} finding{1} to the baseline {2}\n",
        R.Findings.size(), R.Findings.size() == 1 ? "" : "s", WriteBaseline);
    for (const Failure &F : R.Failures)
      llvm::WithColor::error(llvm::errs(), "corolint")
          << F.File << " could not be analysed; its findings are not in "
          << "the baseline\n";
    return R.Failures.empty() ? 0 : ExitFailedFiles;
  }
  BaselineUse InBaseline;
  if (Accepted)
    InBaseline = applyBaseline(R, *Accepted, Root);
  const bool ErrorsConfigured = markErrors(R);
  const size_t Errors = llvm::count_if(
      R.Findings, [](const Reported &F) { return F.AsError; });
  bool Colour = llvm::WithColor(llvm::outs()).colorsEnabled();
  if (OutputFormat == Format::JSON)
    printJSON(R, llvm::outs());
  else if (OutputFormat == Format::SARIF)
    printSARIF(R, Root, llvm::outs());
  else
    printText(R, llvm::outs(), Colour);
  llvm::outs().flush();

  int Status = 0;
  if (!ExportFixes.empty()) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    exportFixes(R, FixNotes, OS);
    if (llvm::Error E = writeFileAtomically(ExportFixes, Text)) {
      llvm::WithColor::error(llvm::errs(), "corolint")
          << llvm::toString(std::move(E)) << "\n";
      Status = ExitUsage;
    }
  }
  if (Fix) {
    FixResult Fixed = applyFixes(R, FixNotes);
    for (const std::string &Refused : Fixed.Refused)
      llvm::WithColor::warning(llvm::errs(), "corolint") << Refused << "\n";
    for (const std::string &Error : Fixed.Errors)
      llvm::WithColor::error(llvm::errs(), "corolint") << Error << "\n";
    llvm::errs() << llvm::formatv("corolint: applied {0} fix{1} to {2} file{3}\n",
                                  Fixed.Applied, Fixed.Applied == 1 ? "" : "es",
                                  Fixed.Written.size(),
                                  Fixed.Written.size() == 1 ? "" : "s");
    if (!Fixed.Errors.empty())
      Status = ExitUsage;
  }

  for (const Failure &F : R.Failures) {
    llvm::WithColor::error(llvm::errs(), "corolint")
        << F.File << " could not be analysed:\n";
    for (const std::string &E : F.Errors)
      llvm::errs() << "  " << E << "\n";
  }
  if (!Quiet)
    llvm::errs() << llvm::formatv(
      "corolint: {0} warning{1}{7} in {2} file{3}{4}{5}{6}\n", R.Findings.size(),
      R.Findings.size() == 1 ? "" : "s", R.Files, R.Files == 1 ? "" : "s",
      R.Failures.empty()
          ? std::string()
          : llvm::formatv(", {0} not analysed", R.Failures.size()).str(),
      FromCache ? llvm::formatv(" ({0} from the cache)", FromCache).str()
                : std::string(),
      InBaseline.Matched
          ? llvm::formatv(", {0} more in the baseline", InBaseline.Matched).str()
          : std::string(),
      ErrorsConfigured ? llvm::formatv(" ({0} as errors)", Errors).str()
                       : std::string());
  if (InBaseline.Stale)
    llvm::errs() << llvm::formatv(
        "corolint: {0} finding{1} of the baseline {2} no longer found; "
        "--write-baseline drops {3}\n",
        InBaseline.Stale, InBaseline.Stale == 1 ? "" : "s",
        InBaseline.Stale == 1 ? "is" : "are",
        InBaseline.Stale == 1 ? "it" : "them");
  if (!R.Hidden.empty() && !Quiet)
    llvm::errs() << llvm::formatv(
        "corolint: suppressed {0} warning{1} in headers that the header "
        "filter leaves out; --header-filter='.*' shows {2}\n",
        R.Hidden.size(), R.Hidden.size() == 1 ? "" : "s",
        R.Hidden.size() == 1 ? "it" : "them");
  if (!R.Failures.empty())
    return ExitFailedFiles;
  if (Status)
    return Status;
  // As in clang-tidy: once some check is an error, only errors fail.
  if (ErrorsConfigured)
    return Errors ? ExitFindings : 0;
  return R.Findings.empty() ? 0 : ExitFindings;
}
