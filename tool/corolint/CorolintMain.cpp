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
#include "Fixes.h"
#include "Report.h"
#include "WriteFile.h"
#include "Worker.h"
#include "clang-tidy/ClangTidy.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
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
cl::opt<std::string> ConfigFile(
    "config-file",
    cl::desc("Read the configuration from this file instead of .clang-tidy\n"
             "files, as in clang-tidy."),
    cl::value_desc("path"), cl::cat(Category));
cl::opt<std::string> Config(
    "config",
    cl::desc("The configuration, as YAML or JSON, instead of .clang-tidy files."),
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
    cl::desc("With --fix or --export-fixes: also take a fix offered on a\n"
             "note, where the warning has none of its own (the\n"
             "async-all-the-way-up rewrite)"),
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
    cl::desc("Where per-file facts are kept between runs\n"
             "(default: <build-dir>/.corolint-cache)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> NoCache("no-cache", cl::desc("Neither read nor write the cache"),
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
  // As clang-tidy does: a file the database lacks borrows a neighbour's command.
  return tooling::inferMissingCompileCommands(std::move(DB));
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
  FileFacts Facts = analyseFile(Files.front(), DB, tidyFlags());
  if (llvm::Error E = writeFileFacts(Facts, FactsFile)) {
    llvm::WithColor::error(llvm::errs(), "corolint")
        << llvm::toString(std::move(E)) << "\n";
    return 1;
  }
  return 0;
}

/// The progress line: files done, total, time left; on a terminal only.
class Progress {
public:
  explicit Progress(size_t Total)
      : Total(Total), Shown(llvm::sys::Process::StandardErrIsDisplayed()),
        Start(std::chrono::steady_clock::now()) {}
  void done() {
    std::lock_guard<std::mutex> Lock(M);
    ++Done;
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

/// Runs one worker process per file, Jobs at a time, and reads back each
/// file's facts. A worker that dies leaves a failure that says how.
/// What a file's facts depend on besides the files it reads: corolint's
/// version, its compile command and its effective configuration.
std::string cacheKey(const std::string &Path,
                     const tooling::CompilationDatabase &DB,
                     tidy::ClangTidyOptionsProvider &Options) {
  std::string Key = "corolint " COROLINT_VERSION "\n";
  for (const tooling::CompileCommand &C : DB.getCompileCommands(Path))
    Key += C.Directory + "\n" + llvm::join(C.CommandLine, "\x1f") + "\n";
  Key += tidy::configurationAsText(Options.getOptions(Path));
  // The entry separates the key from the facts by an empty line.
  std::replace(Key.begin(), Key.end(), '\n', '\x1e');
  return Key;
}

struct Analysed {
  std::vector<FileFacts> Files;
  unsigned FromCache = 0;
};

Analysed analyseAll(const std::vector<std::string> &Paths,
                    const std::string &DatabaseDir, const char *Argv0,
                    const tooling::CompilationDatabase &DB,
                    FactsCache *Cache) {
  std::string Self = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&analyseAll));
  llvm::SmallString<128> Scratch;
  Analysed Result;
  std::vector<FileFacts> &All = Result.Files;
  All.resize(Paths.size());
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("corolint", Scratch)) {
    for (size_t I = 0; I < Paths.size(); ++I) {
      All[I].File = Paths[I];
      All[I].Errors.push_back("cannot create a scratch directory: " +
                              EC.message());
    }
    return Result;
  }
  auto Options = makeOptionsProvider(tidyFlags());
  if (!Options) { // validated before; cannot fail here
    llvm::consumeError(Options.takeError());
    Cache = nullptr;
  }
  std::atomic<unsigned> FromCache{0};
  std::mutex OptionsMutex; // clang-tidy's options provider is not thread-safe
  std::vector<std::string> Common = {Self, "-p", DatabaseDir};
  if (Checks.getNumOccurrences())
    Common.push_back("--checks=" + Checks);
  if (HeaderFilter.getNumOccurrences())
    Common.push_back("--header-filter=" + HeaderFilter);
  if (!ConfigFile.empty())
    Common.push_back("--config-file=" + ConfigFile);
  if (!Config.empty())
    Common.push_back("--config=" + Config);

  Progress Bar(Paths.size());
  std::atomic<size_t> Next{0};
  auto Work = [&] {
    for (size_t I; (I = Next++) < Paths.size();) {
      std::string Key;
      if (Cache) {
        {
          std::lock_guard<std::mutex> Lock(OptionsMutex);
          Key = cacheKey(Paths[I], DB, **Options);
        }
        if (std::optional<FileFacts> Hit = Cache->lookup(Paths[I], Key)) {
          All[I] = std::move(*Hit);
          ++FromCache;
          Bar.done();
          continue;
        }
      }
      std::string Out = (Scratch + "/" + std::to_string(I) + ".json").str();
      std::string Err = (Scratch + "/" + std::to_string(I) + ".err").str();
      std::vector<std::string> Args = Common;
      Args.push_back("--worker-facts-file=" + Out);
      Args.push_back(Paths[I]);
      std::vector<llvm::StringRef> Refs(Args.begin(), Args.end());
      std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                    llvm::StringRef(""),
                                                    llvm::StringRef(Err)};
      std::string ErrMsg;
      int Status = llvm::sys::ExecuteAndWait(Self, Refs, std::nullopt,
                                             Redirects, 0, 0, &ErrMsg);
      llvm::Expected<FileFacts> Facts = readFileFacts(Out);
      if (Status == 0 && Facts) {
        All[I] = std::move(*Facts);
        if (Cache)
          Cache->store(Paths[I], Key, All[I]);
      } else {
        llvm::consumeError(Facts.takeError());
        All[I].File = Paths[I];
        All[I].Errors.push_back(
            Status < 0 ? "corolint crashed on it (" + ErrMsg +
                             "); please report this with the file"
                       : "corolint could not analyse it: " + ErrMsg);
        if (auto Log = llvm::MemoryBuffer::getFile(Err))
          for (llvm::StringRef Line :
               llvm::split((*Log)->getBuffer().rtrim(), '\n'))
            if (!Line.empty())
              All[I].Errors.push_back(Line.str());
      }
      llvm::sys::fs::remove(Out);
      llvm::sys::fs::remove(Err);
      Bar.done();
    }
  };
  std::vector<std::thread> Threads;
  unsigned N = Jobs ? Jobs.getValue()
                    : llvm::hardware_concurrency().compute_thread_count();
  for (unsigned T = 0; T < std::max(1u, N); ++T)
    Threads.emplace_back(Work);
  for (std::thread &T : Threads)
    T.join();
  llvm::sys::fs::remove_directories(Scratch);
  Result.FromCache = FromCache;
  return Result;
}

/// The facts that --facts-out wrote, from every directory given.
std::optional<std::vector<FileFacts>> readFacts(std::vector<std::string> Dirs) {
  std::vector<FileFacts> All;
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
    for (const std::string &E : *Entries) {
      llvm::Expected<FileFacts> F = readFileFacts(E);
      if (!F) {
        usageError("--facts-in: " + llvm::toString(F.takeError()));
        return std::nullopt;
      }
      All.push_back(std::move(*F));
    }
  }
  return All;
}

/// Writes each file's facts to Dir, one file each, named by its path.
int writeFacts(const std::vector<FileFacts> &All, llvm::StringRef Dir) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return usageError("--facts-out: cannot create '" + Dir + "': " +
                      EC.message());
  // Facts of an earlier run (of files since deleted, say) would be read
  // back with these: the directory holds this run's only. Only the names
  // factsFilePath gives (hashes) are removed.
  llvm::Expected<std::vector<std::string>> Old = factsFilesIn(Dir);
  if (!Old)
    return usageError("--facts-out: " + llvm::toString(Old.takeError()));
  for (const std::string &Path : *Old) {
    llvm::StringRef Name = llvm::sys::path::stem(Path);
    uint64_t Hash;
    if (!Name.getAsInteger(16, Hash))
      llvm::sys::fs::remove(Path);
  }
  for (const FileFacts &F : All)
    if (llvm::Error E = writeFileFacts(F, factsFilePath(Dir, F.File)))
      return usageError("--facts-out: " + llvm::toString(std::move(E)));
  llvm::errs() << llvm::formatv("corolint: wrote the facts of {0} file{1} to {2}\n",
                                All.size(), All.size() == 1 ? "" : "s", Dir);
  return 0;
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

} // namespace

int main(int Argc, const char **Argv) {
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

  std::vector<FileFacts> All;
  unsigned FromCache = 0;
  if (!FactsIn.empty()) {
    // Reporting from the facts of shards: no parsing, no database.
    std::vector<std::string> Dirs(FactsIn.begin(), FactsIn.end());
    Dirs.insert(Dirs.end(), Files.begin(), Files.end());
    std::optional<std::vector<FileFacts>> Read = readFacts(Dirs);
    if (!Read)
      return ExitUsage;
    All = std::move(*Read);
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

    std::vector<std::string> Paths;
    if (Files.empty())
      Paths = DB->getAllFiles();
    for (const std::string &F : Files) {
      llvm::SmallString<256> P(F);
      llvm::sys::fs::make_absolute(P);
      llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/false);
      Paths.push_back(P.str().str());
    }
    if (Paths.empty())
      return usageError("the compile database in '" + DatabaseDir +
                        "' lists no files");
    std::optional<std::vector<std::string>> Mine = shardOf(std::move(Paths));
    if (!Mine)
      return ExitUsage;

    // A file that cannot be read fails on its own; the others go on.
    std::vector<std::string> Readable;
    for (const std::string &P : *Mine) {
      llvm::Expected<llvm::sys::fs::file_t> Handle =
          llvm::sys::fs::openNativeFileForRead(P);
      if (!Handle) {
        FileFacts F;
        F.File = P;
        F.Errors.push_back("cannot read " + P + ": " +
                           llvm::toString(Handle.takeError()));
        All.push_back(std::move(F));
        continue;
      }
      llvm::sys::fs::closeFile(*Handle);
      Readable.push_back(P);
    }
    std::optional<FactsCache> Cache;
    if (!NoCache) {
      llvm::SmallString<256> Dir(CacheDir);
      if (Dir.empty()) {
        Dir = DatabaseDir;
        llvm::sys::path::append(Dir, ".corolint-cache");
      }
      llvm::sys::fs::make_absolute(Dir);
      Cache.emplace(Dir.str().str());
    }
    Analysed Done = analyseAll(Readable, DatabaseDir, Argv[0], *DB,
                               Cache ? &*Cache : nullptr);
    FromCache = Done.FromCache;
    for (FileFacts &F : Done.Files)
      All.push_back(std::move(F));
    // Options the checks reject: every file would be wrong alike.
    std::set<std::string> ConfigErrors;
    for (const FileFacts &F : All)
      ConfigErrors.insert(F.ConfigErrors.begin(), F.ConfigErrors.end());
    for (const std::string &E : ConfigErrors)
      usageError(E);
    if (!ConfigErrors.empty())
      return ExitUsage;
    if (!FactsOut.empty())
      return writeFacts(All, FactsOut);
  }

  // The baseline is read before anything is reported, so that a bad one
  // stops the run.
  std::optional<Baseline> Accepted;
  if (!BaselineFile.empty()) {
    llvm::Expected<Baseline> B = readBaseline(BaselineFile);
    if (!B)
      return usageError(llvm::toString(B.takeError()));
    Accepted = std::move(*B);
  }
  // Real, as the paths of the findings are.
  llvm::SmallString<256> Root(SourceRoot);
  llvm::sys::fs::make_absolute(Root);
  llvm::sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
  llvm::SmallString<256> RealRoot;
  if (!llvm::sys::fs::real_path(Root, RealRoot))
    Root = RealRoot;

  Results R = merge(All);
  if (!WriteBaseline.empty())
    if (llvm::Error E = writeBaseline(R, Root, WriteBaseline))
      return usageError(llvm::toString(std::move(E)));
  unsigned InBaseline = Accepted ? applyBaseline(R, *Accepted, Root) : 0;
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
    exportFixes(R.Findings, FixNotes, OS);
    if (llvm::Error E = writeFileAtomically(ExportFixes, Text)) {
      llvm::WithColor::error(llvm::errs(), "corolint")
          << llvm::toString(std::move(E)) << "\n";
      Status = ExitUsage;
    }
  }
  if (Fix) {
    FixResult Fixed = applyFixes(R.Findings, FixNotes, R.Inputs);
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
  llvm::errs() << llvm::formatv(
      "corolint: {0} warning{1} in {2} file{3}{4}{5}{6}\n", R.Findings.size(),
      R.Findings.size() == 1 ? "" : "s", R.Files, R.Files == 1 ? "" : "s",
      R.Failures.empty()
          ? std::string()
          : llvm::formatv(", {0} not analysed", R.Failures.size()).str(),
      FromCache ? llvm::formatv(" ({0} from the cache)", FromCache).str()
                : std::string(),
      InBaseline ? llvm::formatv(", {0} more in the baseline", InBaseline).str()
                 : std::string());
  if (!R.Failures.empty())
    return ExitFailedFiles;
  if (Status)
    return Status;
  return R.Findings.empty() ? 0 : ExitFindings;
}
