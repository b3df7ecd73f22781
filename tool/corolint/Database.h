//===--- Database.h - The compile database and the files to analyse -------===//

#ifndef COROLINT_TOOL_DATABASE_H
#define COROLINT_TOOL_DATABASE_H

#include "RunOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace corolint {

/// The compile database: with O.CompileArgs, those arguments for every file
/// (run in the current directory, as clang-tidy's fixed database); else
/// O.BuildPath's, or without it, as clang-tidy finds one: the first
/// compile_commands.json from the first file's directory upwards (O.BuildPath
/// is set to it). Response files are expanded, a file the database lacks
/// borrows a neighbour's command, and --extra-arg(-before) go into every
/// command. Directory receives the database's directory; nullptr and Error when
/// there is none.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadDatabase(RunOptions &O, std::string &Directory, std::string &Error);

/// The files to analyse: the database's (and the files given that it does
/// not list), C and C++ sources only, of this run's shard; Focus receives
/// the files given, whose findings are reported. Nothing when there are
/// none or the shard is malformed, having said why.
std::optional<std::vector<std::string>>
filesToAnalyse(const RunOptions &O,
               const clang::tooling::CompilationDatabase &DB,
               llvm::StringRef DatabaseDir, std::set<std::string> &Focus);

/// Where the cache goes by default: in the build directory, unless the
/// compile database sits in the source tree (no build system's files beside
/// it, and sources below it), which the cache must not litter; then under
/// the user's cache directory, by the database directory's hash.
std::string defaultCacheDir(llvm::StringRef DatabaseDir,
                            llvm::ArrayRef<std::string> Sources);

} // namespace corolint

#endif // COROLINT_TOOL_DATABASE_H
