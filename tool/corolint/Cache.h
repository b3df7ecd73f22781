//===--- Cache.h - Per-file facts kept between runs -----------------------===//
//
// A file's facts stay valid while everything that made them is unchanged:
// corolint's version, the file's compile command, its effective clang-tidy
// configuration, and the text of the file and of every file it included.
// The cache keeps one entry per source file; an entry whose key or any
// input's hash differs is not used, and the next analysis replaces it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_CACHE_H
#define COROLINT_TOOL_CACHE_H

#include "FileFacts.h"
#include "llvm/ADT/StringMap.h"
#include <mutex>
#include <optional>

namespace corolint {

class FactsCache {
public:
  explicit FactsCache(std::string Directory) : Directory(std::move(Directory)) {}

  /// File's facts if the entry for File has Key and every input is as it
  /// was when they were made.
  std::optional<FileFacts> lookup(llvm::StringRef File, llvm::StringRef Key);
  /// Keeps Facts for File under Key; facts without inputs (no check ran) or
  /// from a worker that failed are not kept. Errors are ignored: a cache
  /// that cannot be written only makes the next run slower.
  void store(llvm::StringRef File, llvm::StringRef Key, const FileFacts &Facts);

private:
  std::string entryPath(llvm::StringRef File) const;
  /// The hash of Path's current text; memoized for the run.
  std::optional<uint64_t> hashOf(const std::string &Path);

  std::string Directory;
  std::mutex M;
  llvm::StringMap<std::optional<uint64_t>> Hashes;
};

} // namespace corolint

#endif // COROLINT_TOOL_CACHE_H
