//===--- Workers.h - Each file's facts, from the cache or a worker --------===//
//
// A file is analysed in a worker process of its own (corolint with
// --worker-facts-file), so that its AST goes with the process; the facts
// come back as a facts file. Files whose facts the cache holds fresh are
// not parsed again.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_WORKERS_H
#define COROLINT_TOOL_WORKERS_H

#include "Cache.h"
#include "RunOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace corolint {

/// The facts of a file that could not be analysed: only why.
std::string failedFacts(llvm::StringRef File,
                        llvm::ArrayRef<std::string> Errors);

/// Keeps a worker's facts Text for Path in the cache under Key, when it
/// parsed the file.
void keepInCache(FactsCache &Cache, const std::string &Path,
                 llvm::StringRef Key, llvm::StringRef Text);

/// Runs the worker (Command, then the file) on Path and returns its facts,
/// or, when the worker failed, facts that say how.
std::string runWorkerOn(const std::string &Path,
                        llvm::ArrayRef<std::string> Command);

/// Each file's facts: from the cache where they are fresh, else from a
/// worker process of its own, O.Jobs at a time (each file's entry read
/// once). A worker's facts go to the cache as soon as they are made, so
/// that a run stopped before the end keeps what it did.
struct Analysed {
  std::vector<std::string> Facts;
  std::vector<std::string> Keys;
  std::vector<bool> FromCache;
  std::vector<std::string> Common; // the worker's command line
};

void analyseAll(const RunOptions &O, const std::vector<std::string> &Paths,
                const std::string &DatabaseDir, const char *Argv0,
                const clang::tooling::CompilationDatabase &DB,
                FactsCache *Cache, Analysed &Result);

} // namespace corolint

#endif // COROLINT_TOOL_WORKERS_H
