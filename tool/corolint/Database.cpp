//===--- Database.cpp - The compile database and the files to analyse -----===//

#include "Database.h"
#include "Paths.h"
#include "Place.h"
#include "clang/Driver/Types.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/xxhash.h"
#include <set>

using namespace clang;

namespace corolint {

namespace {

/// The files of shard K/N: every N-th of the sorted list, from the K-th.
std::optional<std::vector<std::string>> shardOf(std::vector<std::string> Paths,
                                                llvm::StringRef Shard) {
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

std::unique_ptr<tooling::CompilationDatabase>
loadDatabase(RunOptions &O, std::string &Directory, std::string &Error) {
  std::unique_ptr<tooling::CompilationDatabase> DB;
  if (O.CompileArgs) {
    // clang-tidy's fixed compilation database: the arguments after '--',
    // run in the current directory, for every file.
    Directory = absolutePath(".");
    std::vector<const char *> Argv{"corolint", "--"};
    for (const std::string &A : *O.CompileArgs)
      Argv.push_back(A.c_str());
    int Argc = Argv.size();
    std::string Why;
    DB = tooling::FixedCompilationDatabase::loadFromCommandLine(
        Argc, Argv.data(), Why);
    if (!DB) {
      Error = "the compile command after '--' cannot be used: " + Why;
      return nullptr;
    }
  } else if (!O.BuildPath.empty()) {
    Directory = O.BuildPath;
    if (!llvm::sys::fs::is_directory(Directory)) {
      Error = "'" + Directory +
              "' is not a directory; -p takes the build "
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
    std::string Start = O.Files.empty() ? "." : O.Files.front();
    llvm::SmallString<256> Dir(absolutePath(Start));
    if (!llvm::sys::fs::is_directory(Dir))
      llvm::sys::path::remove_filename(Dir);
    for (; !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
      llvm::SmallString<256> Json(Dir);
      llvm::sys::path::append(Json, "compile_commands.json");
      if (llvm::sys::fs::exists(Json)) {
        O.BuildPath = Dir.str().str();
        return loadDatabase(O, Directory, Error);
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
  if (O.ExtraArgs.empty() && O.ExtraArgsBefore.empty())
    return DB;
  auto Adjusted =
      std::make_unique<tooling::ArgumentsAdjustingCompilations>(std::move(DB));
  Adjusted->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      O.ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN));
  Adjusted->appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      O.ExtraArgs, tooling::ArgumentInsertPosition::END));
  return Adjusted;
}

std::string defaultCacheDir(llvm::StringRef DatabaseDir,
                            llvm::ArrayRef<std::string> Sources) {
  // One directory, one cache, however -p spells it.
  std::string Dir = canonicalPath(DatabaseDir);
  llvm::SmallString<256> Spelled(absolutePath(DatabaseDir));
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

std::optional<std::vector<std::string>>
filesToAnalyse(const RunOptions &O, const tooling::CompilationDatabase &DB,
               llvm::StringRef DatabaseDir, std::set<std::string> &Focus) {
  // Files named on the command line are the ones reported; every other
  // file of the database is analysed too (from the cache where its facts
  // are fresh), so that chains through them are seen, as in a full run.
  // With --facts-out, which reports nothing, they are the files analysed.
  std::vector<std::string> Paths;
  if (O.Files.empty() || O.FactsOut.empty())
    Paths = DB.getAllFiles();
  std::set<std::string> Listed;
  if (!O.Files.empty())
    for (const std::string &P : Paths)
      Listed.insert(canonicalPath(P));
  for (const std::string &F : O.Files) {
    llvm::SmallString<256> P(absolutePath(F));
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
  if (Paths.empty()) {
    usageError(O.CompileArgs ? "no file given: name the files to analyse "
                               "before '--'"
                             : "the compile database in '" + DatabaseDir +
                                   "' lists no files");
    return std::nullopt;
  }
  return shardOf(std::move(Paths), O.Shard);
}

} // namespace corolint
