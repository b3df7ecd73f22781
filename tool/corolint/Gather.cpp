//===--- Gather.cpp - Every file's facts, from wherever they come ---------===//

#include "Gather.h"
#include "Configuration.h"
#include "Database.h"
#include "Facts.h"
#include "Paths.h"
#include "Workers.h"
#include "WriteFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <functional>
#include <map>

using namespace clang;

namespace corolint {

namespace {

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
    return usageError("--facts-out: cannot create '" + Dir +
                      "': " + EC.message());
  llvm::Expected<std::vector<std::string>> Old = factsFilesIn(Dir);
  if (!Old)
    return usageError("--facts-out: " + llvm::toString(Old.takeError()));
  for (const std::string &Path : *Old) {
    llvm::StringRef Name = llvm::sys::path::stem(Path);
    uint64_t Hash;
    if (!Name.getAsInteger(16, Hash))
      if (std::error_code EC = llvm::sys::fs::remove(Path))
        return usageError("--facts-out: cannot remove the earlier facts " +
                          Path + ": " + EC.message());
  }
  return std::nullopt;
}

/// The facts whose graphs readFacts left unread: every file's are read
/// at the end, once the whole program is known to need them (a candidate
/// to resolve, or a rewrite across files). A file's text is kept until
/// then, and freed once its graphs are read.
class LaterGraphs {
public:
  void keep(std::string File, std::string Text) {
    Kept.push_back({std::move(File), std::move(Text)});
  }

  /// The facts of File made anew, when they can be (a cache entry's, by
  /// parsing the file again), or nothing.
  using Remake = std::function<std::optional<std::string>(const std::string &)>;

  /// A file whose graphs could not be read, and why.
  struct Damage {
    std::string File;
    std::vector<std::string> Why;
  };

  /// Reads the graphs kept into P, if they are needed. Facts whose graphs
  /// are damaged are made anew by Again; the files whose graphs still
  /// cannot be read (or that could not be parsed again) are returned.
  std::vector<Damage> read(WholeProgram &P, bool Rewrites,
                           const Remake &Again) {
    std::vector<Damage> Damaged;
    if (!P.needsGraphs() && !Rewrites)
      return Damaged;
    for (auto &[File, Text] : Kept) {
      llvm::Expected<FileFacts> F = readFacts(Text, File, P.strings());
      if (!F)
        if (std::optional<std::string> New = Again(File)) {
          llvm::consumeError(F.takeError());
          Text = std::move(*New);
          F = readFacts(Text, File, P.strings());
        }
      if (!F)
        Damaged.push_back({File, {llvm::toString(F.takeError())}});
      else if (!F->Parsed)
        Damaged.push_back({File, F->Errors});
      else
        P.addGraphs(std::move(*F));
      std::string().swap(Text);
    }
    return Damaged;
  }

private:
  std::vector<std::pair<std::string, std::string>> Kept;
};

/// The facts directories --facts-in names (the files given are more of
/// them): reporting from the facts of shards, with no parsing and no
/// database.
class DirectoryFacts : public FactsSource {
public:
  explicit DirectoryFacts(const RunOptions &O) : O(O) {}

  std::optional<int> gather(WholeProgram &P, Gathered &) override {
    if (std::optional<int> Status = validateFlags(O.Tidy))
      return Status;
    HeaderFilters Filters(O.Tidy);
    std::vector<std::string> Dirs(O.FactsIn.begin(), O.FactsIn.end());
    Dirs.insert(Dirs.end(), O.Files.begin(), O.Files.end());
    std::optional<std::vector<std::string>> Paths = factsFilesOf(Dirs);
    if (!Paths)
      return ExitUsage;
    LaterGraphs Graphs;
    for (const std::string &Path : *Paths) {
      auto Buffer = llvm::MemoryBuffer::getFile(Path);
      if (!Buffer)
        return usageError("--facts-in: cannot read " + Path + ": " +
                          Buffer.getError().message());
      std::string Text = (*Buffer)->getBuffer().str();
      llvm::Expected<FileFacts> F =
          readFacts(Text, Path, P.strings(), FactsPart::AllButGraphs);
      if (!F)
        return usageError("--facts-in: " + llvm::toString(F.takeError()));
      Filters.apply(*F, P.strings());
      if (F->Parsed)
        Graphs.keep(Path, std::move(Text));
      P.add(std::move(*F));
    }
    auto Damaged =
        Graphs.read(P, O.rewritesAcrossFiles(),
                    [](const std::string &) { return std::nullopt; });
    for (const LaterGraphs::Damage &D : Damaged)
      usageError("--facts-in: " + D.Why.front());
    return Damaged.empty() ? std::nullopt : std::optional<int>(ExitUsage);
  }

private:
  const RunOptions &O;
};

/// The compile database's files: each file's facts from the cache where
/// they are fresh, else from a worker; kept in the cache, and written to
/// --facts-out's directory when asked.
class DatabaseFacts : public FactsSource {
public:
  // The filters' configuration is checked in prepare(): one that cannot be
  // read makes them filter nothing, and the run stops there.
  DatabaseFacts(RunOptions &O, const char *Argv0)
      : O(O), Argv0(Argv0), Filters(O.Tidy) {}

  std::optional<int> gather(WholeProgram &P, Gathered &G) override {
    if (std::optional<int> Status = prepare(G))
      return Status;
    analyseAll(O, Readable, DatabaseDir, Argv0, *DB, Cache ? &*Cache : nullptr,
               Done);
    for (auto &[Path, Text] : Unreadable)
      take(P, G, Path, std::move(Text), nullptr, /*FromCache=*/false, "");
    for (std::string &Path : Missing)
      P.skip(std::move(Path));
    for (size_t I = 0; I < Readable.size(); ++I) {
      auto Reanalyse = [&] { return parseAgain(Readable[I], Done.Keys[I]); };
      // A worker's facts are in the cache already (analyseAll keeps them).
      take(P, G, Readable[I],
           !Done.Facts[I].empty() ? std::move(Done.Facts[I]) : Reanalyse(),
           Reanalyse, Done.FromCache[I], Done.Keys[I]);
    }
    // A cache entry whose graphs are damaged is not trusted either; a
    // worker's facts, made again, would be the same.
    auto Again = [&](const std::string &Path) -> std::optional<std::string> {
      auto It = CachedKeys.find(Path);
      if (It == CachedKeys.end())
        return std::nullopt;
      return parseAgain(Path, It->second);
    };
    for (LaterGraphs::Damage &D :
         Graphs.read(P, O.rewritesAcrossFiles(), Again))
      P.fail(std::move(D.File), std::move(D.Why));
    return finish(P, G);
  }

private:
  /// The database, the files, the configuration checked, the cache; the
  /// files that cannot be read fail on their own, the others go on.
  std::optional<int> prepare(Gathered &G) {
    std::string Error;
    DB = loadDatabase(O, DatabaseDir, Error);
    if (!DB)
      return usageError(Error);
    if (std::optional<int> Status = validateFlags(O.Tidy))
      return Status;
    std::optional<std::vector<std::string>> Mine =
        filesToAnalyse(O, *DB, DatabaseDir, G.Focus);
    if (!Mine)
      return ExitUsage;
    tryToOpen(*Mine);
    // Options the checks reject would make every file wrong alike: they are
    // found before any file is parsed.
    std::vector<std::string> Rejected = configurationErrors(O.Tidy, Readable);
    for (const std::string &E : Rejected)
      usageError(E);
    if (!Rejected.empty())
      return ExitUsage;
    if (!O.AllowNoChecks && !Readable.empty() &&
        !anyCheckEnabled(O.Tidy, Readable))
      return usageError("the configuration enables no coro-* check for any "
                        "file; --allow-no-checks runs anyway");
    if (!O.FactsOut.empty())
      if (std::optional<int> Status = clearFactsDir(O.FactsOut))
        return Status;
    if (!O.NoCache)
      Cache.emplace(O.CacheDir.empty() ? defaultCacheDir(DatabaseDir, *Mine)
                                       : absolutePath(O.CacheDir));
    if (O.RefreshCache && Cache) // --no-cache is refused with it
      llvm::outs() << "cache " << Cache->directory() << "\n";
    return std::nullopt;
  }

  /// Sorts Paths into the files that can be read, those that cannot (each
  /// fails, with the reason) and, with --skip-missing-files, those that do
  /// not exist.
  void tryToOpen(const std::vector<std::string> &Paths) {
    for (const std::string &Path : Paths) {
      llvm::Expected<llvm::sys::fs::file_t> Handle =
          llvm::sys::fs::openNativeFileForRead(Path);
      if (Handle) {
        (void)llvm::sys::fs::closeFile(*Handle); // opened only to be tried
        Readable.push_back(Path);
        continue;
      }
      std::error_code EC = llvm::errorToErrorCode(Handle.takeError());
      const bool Absent = EC == std::errc::no_such_file_or_directory;
      if (Absent && O.SkipMissingFiles) {
        Missing.push_back(Path);
        continue;
      }
      std::string Why = "cannot read " + Path + ": " + EC.message();
      if (Absent)
        Why += "; --skip-missing-files skips the database's files that do "
               "not exist";
      Unreadable.push_back({Path, failedFacts(Path, {Why})});
    }
  }

  /// Path's facts from a worker, kept in the cache (under Key) when it
  /// parsed the file.
  std::string parseAgain(const std::string &Path, llvm::StringRef Key) {
    std::string Text = runWorkerOn(Path, Done.Common);
    if (Cache)
      keepInCache(*Cache, Path, Key, Text);
    return Text;
  }

  /// One file's facts into the program: the cache's, or a worker's (which
  /// the cache keeps already). A damaged cache entry is not trusted: the
  /// file is parsed again.
  void take(WholeProgram &P, Gathered &G, const std::string &Path,
            std::string Text, const std::function<std::string()> &Reanalyse,
            bool FromCache, llvm::StringRef Key) {
    auto Read = [&] {
      return readFacts(Text, Path, P.strings(), FactsPart::AllButGraphs);
    };
    llvm::Expected<FileFacts> F = Read();
    if (!F && FromCache) {
      llvm::consumeError(F.takeError());
      FromCache = false;
      Text = Reanalyse();
      F = Read();
    }
    if (!F) {
      std::string Why = llvm::toString(F.takeError());
      Text = failedFacts(Path, {"corolint could not read its facts: " + Why});
      F = Read();
      if (!F) // cannot happen: the facts were just written
        return;
    }
    if (FromCache)
      ++G.FromCache;
    if (!O.FactsOut.empty())
      if (llvm::Error E =
              writeFileAtomically(factsFilePath(O.FactsOut, Path), Text))
        Errors.insert("--facts-out: " + llvm::toString(std::move(E)));
    Filters.apply(*F, P.strings());
    if (F->Parsed) {
      if (FromCache)
        CachedKeys[Path] = Key.str();
      Graphs.keep(Path, std::move(Text));
    }
    P.add(std::move(*F));
  }

  /// Options the checks rejected (every file would be wrong alike) end the
  /// run, and so do --facts-out and --refresh-cache, which report nothing.
  std::optional<int> finish(WholeProgram &P, const Gathered &G) {
    Errors.insert(P.configErrors().begin(), P.configErrors().end());
    for (const std::string &E : Errors)
      usageError(E);
    if (!Errors.empty())
      return ExitUsage;
    unsigned Files = P.files();
    if (!O.FactsOut.empty()) {
      llvm::errs() << llvm::formatv(
          "corolint: wrote the facts of {0} file{1} to {2}\n", Files,
          Files == 1 ? "" : "s", O.FactsOut);
      return 0;
    }
    if (!O.RefreshCache)
      return std::nullopt;
    if (!O.Quiet) {
      size_t Kept = Files - P.failures();
      llvm::errs() << llvm::formatv(
          "corolint: the cache holds the facts of {0} file{1}, {2} of "
          "them just analysed; {3} could not be analysed\n",
          Kept, Kept == 1 ? "" : "s", Kept - G.FromCache, P.failures());
    }
    return 0;
  }

  RunOptions &O;
  const char *Argv0;
  std::string DatabaseDir;
  std::unique_ptr<tooling::CompilationDatabase> DB;
  std::vector<std::string> Readable;
  std::vector<std::pair<std::string, std::string>> Unreadable;
  std::vector<std::string> Missing; // skipped (--skip-missing-files)
  std::optional<FactsCache> Cache;
  HeaderFilters Filters;
  Analysed Done;
  LaterGraphs Graphs;
  /// The cache's key of each file whose facts came from the cache.
  std::map<std::string, std::string> CachedKeys;
  std::set<std::string> Errors;
};

} // namespace

std::unique_ptr<FactsSource> factsSource(RunOptions &O, const char *Argv0) {
  if (!O.FactsIn.empty())
    return std::make_unique<DirectoryFacts>(O);
  return std::make_unique<DatabaseFacts>(O, Argv0);
}

} // namespace corolint
