//===--- Workers.cpp - Each file's facts, from the cache or a worker ------===//

#include "Workers.h"
#include "Configuration.h"
#include "Facts.h"
#include "WriteFile.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <system_error>
#include <thread>
#include <unistd.h>

using namespace clang;

namespace corolint {

namespace {

/// The progress: on a terminal, a line redrawn (files done, total, time
/// left); elsewhere (a CI log), a heartbeat line at each tenth of the files
/// and whenever Interval seconds pass without one (none when it is 0), with
/// how many came from the cache. With --refresh-cache, a line 'files D/N' on
/// standard output per file instead, for the program that runs it.
class Progress {
public:
  Progress(size_t Total, bool Quiet, bool Lines, unsigned Interval)
      : Total(Total), Interval(Interval),
        Step(std::max<size_t>(1, (Total + 9) / 10)), Lines(Lines),
        Redrawn(!Quiet && !Lines &&
                llvm::sys::Process::StandardErrIsDisplayed()),
        Start(std::chrono::steady_clock::now()), LastBeat(Start) {
    if (Lines)
      llvm::outs() << "files 0/" << Total << "\n";
    llvm::outs().flush();
    if (!Quiet && !Lines && !Redrawn && Interval)
      Beater = std::thread([this] { beatWhileQuiet(); });
  }
  ~Progress() {
    {
      std::lock_guard<std::mutex> Lock(M);
      Finished = true;
    }
    Wake.notify_all();
    if (Beater.joinable())
      Beater.join();
  }

  /// One more file done; FromCache: its facts were the cache's.
  void done(bool FromCache) {
    std::lock_guard<std::mutex> Lock(M);
    ++Done;
    Cached += FromCache;
    if (Lines) {
      llvm::outs() << "files " << Done << "/" << Total << "\n";
      llvm::outs().flush();
    } else if (Redrawn) {
      redraw();
    } else if (Beater.joinable() && (Done % Step == 0 || Done == Total)) {
      beat();
    }
  }

private:
  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         Start)
        .count();
  }
  void redraw() {
    unsigned Left = Done ? elapsed() / Done * (Total - Done) : 0;
    llvm::errs() << llvm::format("\rcorolint: %zu/%zu files, %u:%02u left ",
                                 Done, Total, Left / 60, Left % 60);
    if (Done == Total)
      llvm::errs() << "\r\x1b[K";
  }
  /// The heartbeat line; M is held.
  void beat() {
    unsigned Spent = elapsed();
    llvm::errs() << llvm::format(
        "corolint: %zu/%zu files done (%zu from the cache), %u:%02u elapsed\n",
        Done, Total, Cached, Spent / 60, Spent % 60);
    LastBeat = std::chrono::steady_clock::now();
  }
  void beatWhileQuiet() {
    std::unique_lock<std::mutex> Lock(M);
    while (!Finished) {
      auto Due = LastBeat + std::chrono::seconds(Interval);
      if (Wake.wait_until(Lock, Due, [this] { return Finished; }))
        return;
      if (std::chrono::steady_clock::now() >=
          LastBeat + std::chrono::seconds(Interval))
        beat();
    }
  }

  std::mutex M;
  std::condition_variable Wake;
  size_t Total;
  std::chrono::seconds::rep Interval;
  size_t Step, Done = 0, Cached = 0;
  bool Lines, Redrawn, Finished = false;
  std::chrono::steady_clock::time_point Start, LastBeat;
  std::thread Beater;
};

/// Which build of corolint Self is: its version and a hash of the binary,
/// so that two builds of one version (a CI cache restored by a prefix of
/// its key) do not take each other's facts.
std::string buildIdentity(const std::string &Self) {
  std::string Identity = "corolint " COROLINT_VERSION;
  if (auto Binary =
          llvm::MemoryBuffer::getFile(Self, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false))
    Identity +=
        " " + llvm::utohexstr(llvm::xxh3_64bits((*Binary)->getBuffer()));
  return Identity;
}

/// What a file's facts depend on besides the files it reads: corolint's
/// build, its compile command and what of its effective configuration
/// changes them.
std::string cacheKey(const std::string &Path,
                     const tooling::CompilationDatabase &DB,
                     tidy::ClangTidyOptionsProvider &Options,
                     llvm::StringRef Build) {
  std::string Key = Build.str() + "\n";
  for (const tooling::CompileCommand &C : DB.getCompileCommands(Path))
    Key += C.Directory + "\n" + llvm::join(C.CommandLine, "\x1f") + "\n";
  Key += factsConfiguration(Options.getOptions(Path));
  // The entry's key is its first line.
  std::replace(Key.begin(), Key.end(), '\n', '\x1e');
  return Key;
}

/// The run's private directory for its workers' files: $TMPDIR/corolint-
/// PID-XXXXXX, 0700, made for the first worker. Removed when the run
/// exits or is interrupted; one that a killed run left is removed by the
/// next run.
char RunDirectory[PATH_MAX];

/// After LLVM's handler has removed the run's files (it then restores this
/// handler and raises the signal again): the directory, then the signal's
/// default action.
void removeRunDirectory(int Signal) {
  rmdir(RunDirectory);
  ::signal(Signal, SIG_DFL);
  raise(Signal);
}

/// Removes the directories of runs whose process is gone.
void sweepDeadRuns(llvm::StringRef Temp) {
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Temp, EC), End; !EC && It != End;
       It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    int Pid;
    if (Name.consume_front("corolint-") &&
        !Name.split('-').first.getAsInteger(10, Pid) &&
        leftByDeadProcess(It->path(), Pid, /*Directory=*/true))
      (void)llvm::sys::fs::remove_directories(It->path());
  }
}

/// Makes the run's directory; false (said in Error) when it cannot.
bool makeRunDirectory(std::string &Error) {
  llvm::SmallString<128> Temp;
  llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true, Temp);
  sweepDeadRuns(Temp);
  std::string Pattern =
      (Temp + "/corolint-" +
       std::to_string(llvm::sys::Process::getProcessId()) + "-XXXXXX")
          .str();
  if (Pattern.size() >= sizeof RunDirectory || !mkdtemp(Pattern.data())) {
    Error = "cannot create a temporary directory in " + Temp.str().str() +
            ": " + std::strerror(errno);
    return false;
  }
  std::strcpy(RunDirectory, Pattern.c_str());
  for (int Signal : {SIGINT, SIGTERM, SIGHUP})
    ::signal(Signal, removeRunDirectory);
  return true;
}

/// Makes the run's directory once, for every worker of the run (those
/// that parse again a file whose cached facts are damaged too); false,
/// with why in Error, when it cannot.
bool haveRunDirectory(std::string &Error) {
  static std::once_flag Once;
  static std::string Why;
  std::call_once(Once, [] {
    if (makeRunDirectory(Why))
      std::atexit([] { rmdir(RunDirectory); });
  });
  if (!Why.empty())
    Error = Why;
  return Why.empty();
}

/// A temporary file in the run's directory, removed when the run is
/// interrupted, and when it goes out of scope.
class ScratchFile {
public:
  ScratchFile(llvm::StringRef Suffix, std::string &Error) {
    if (!haveRunDirectory(Error))
      return;
    if (std::error_code EC = llvm::sys::fs::createUniqueFile(
            llvm::Twine(RunDirectory) + "/facts-%%%%%%." + Suffix, Path)) {
      Error = "cannot create a temporary file: " + EC.message();
      Path.clear();
      return;
    }
    llvm::sys::RemoveFileOnSignal(Path);
  }
  ~ScratchFile() {
    if (Path.empty())
      return;
    (void)llvm::sys::fs::remove(Path); // a temporary file: best effort
    llvm::sys::DontRemoveFileOnSignal(Path);
  }
  llvm::StringRef path() const { return Path; }

private:
  llvm::SmallString<128> Path;
};

} // namespace

void keepInCache(FactsCache &Cache, const std::string &Path,
                 llvm::StringRef Key, llvm::StringRef Text) {
  StringPool Strings;
  llvm::Expected<FileFacts> F =
      readFacts(Text, Path, Strings, FactsPart::AllButGraphs);
  if (!F) {
    llvm::consumeError(F.takeError()); // the caller says it, once
    return;
  }
  if (F->Parsed && F->File == Path)
    Cache.store(Path, Key, F->Inputs, Text);
}

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

std::string runWorkerOn(const std::string &Path,
                        llvm::ArrayRef<std::string> Common) {
  std::string Error;
  ScratchFile Out("json", Error), Err("err", Error);
  if (!Error.empty())
    return failedFacts(Path, {Error});
  std::vector<std::string> Args(Common.begin(), Common.end());
  // Before the compile command that '--' starts, if the run has one.
  Args.insert(llvm::find(Args, "--"),
              {("--worker-facts-file=" + Out.path()).str(),
               "--worker-parent=" + std::to_string(getpid()), Path});
  std::vector<llvm::StringRef> Refs(Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(""), Err.path()};
  std::string ErrMsg;
  bool NotStarted = false;
  int Status = llvm::sys::ExecuteAndWait(Common.front(), Refs, std::nullopt,
                                         Redirects, 0, 0, &ErrMsg, &NotStarted);
  auto Buffer = llvm::MemoryBuffer::getFile(Out.path());
  if (Status == 0 && Buffer)
    return (*Buffer)->getBuffer().str();
  // Not started is the machine's doing (a process limit, memory), not the
  // file's: say so rather than ask for a crash report.
  std::vector<std::string> Errors{
      NotStarted   ? "corolint could not start a worker for it (" + ErrMsg + ")"
      : Status < 0 ? "corolint crashed on it (" + ErrMsg +
                         "); please report this with the file"
                   : "corolint could not analyse it: " + ErrMsg};
  if (auto Log = llvm::MemoryBuffer::getFile(Err.path()))
    for (llvm::StringRef Line : llvm::split((*Log)->getBuffer().rtrim(), '\n'))
      if (!Line.empty())
        Errors.push_back(Line.str());
  return failedFacts(Path, Errors);
}

void analyseAll(const RunOptions &O, const std::vector<std::string> &Paths,
                const std::string &DatabaseDir, const char *Argv0,
                const tooling::CompilationDatabase &DB, FactsCache *Cache,
                Analysed &Result) {
  std::string Self = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&analyseAll));
  Result.Facts.resize(Paths.size());
  Result.Keys.resize(Paths.size());
  Result.FromCache.assign(Paths.size(), false);
  auto Options = makeOptionsProvider(O.Tidy);
  if (!Options) { // validated before; cannot fail here
    llvm::consumeError(Options.takeError());
    Cache = nullptr;
  }
  std::mutex OptionsMutex; // clang-tidy's options provider is not thread-safe
  std::string Build = buildIdentity(Self);
  // The files a --vfsoverlay maps are read through it: its text keys them.
  if (!O.Tidy.VfsOverlay.empty())
    if (auto Overlay = llvm::MemoryBuffer::getFile(O.Tidy.VfsOverlay))
      Build += " overlay " +
               llvm::utohexstr(llvm::xxh3_64bits((*Overlay)->getBuffer()));
  Result.Common = O.workerCommand(Self, DatabaseDir);
  Progress Bar(Paths.size(), O.Quiet, O.RefreshCache, O.ProgressInterval);
  std::atomic<size_t> Next{0};
  auto Work = [&] {
    for (size_t I; (I = Next++) < Paths.size();) {
      if (Cache) {
        {
          std::lock_guard<std::mutex> Lock(OptionsMutex);
          Result.Keys[I] = cacheKey(Paths[I], DB, **Options, Build);
        }
        if (std::optional<std::string> Cached =
                Cache->lookup(Paths[I], Result.Keys[I])) {
          Result.Facts[I] = std::move(*Cached);
          Result.FromCache[I] = true;
          Bar.done(/*FromCache=*/true);
          continue;
        }
      }
      Result.Facts[I] = runWorkerOn(Paths[I], Result.Common);
      if (Cache)
        keepInCache(*Cache, Paths[I], Result.Keys[I], Result.Facts[I]);
      Bar.done(/*FromCache=*/false);
    }
  };
  // No more threads than files, nor than the system gives: each thread
  // waits for one worker process at a time.
  unsigned N =
      O.Jobs ? O.Jobs : llvm::hardware_concurrency().compute_thread_count();
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

} // namespace corolint
