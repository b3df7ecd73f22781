//===--- Cache.h - Per-file facts kept between runs -----------------------===//
//
// A file's facts stay valid while everything that made them is unchanged:
// corolint's version, the file's compile command, its effective clang-tidy
// configuration, and the text of the file and of every file it included.
// The cache keeps one entry per source file: the key, the inputs with their
// hashes, and the facts as the worker wrote them. An entry whose key or any
// input's hash differs is not used, and the next analysis replaces it.
// The directory is created private (0700); one that another user owns or
// others can write to is not used, and no link in it is followed.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FACTS_CACHE_H
#define COROLINT_FACTS_CACHE_H

#include "Facts.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <mutex>
#include <optional>

namespace corolint {

class FactsCache {
public:
  explicit FactsCache(std::string Directory)
      : Directory(std::move(Directory)) {}
  const std::string &directory() const { return Directory; }

  /// The facts kept for File, if its entry has Key, every input is as it
  /// was when they were made, and they were written whole.
  std::optional<std::string> lookup(llvm::StringRef File, llvm::StringRef Key);
  /// Keeps Facts for File under Key. Facts without inputs (no check ran) are
  /// not kept. A cache that cannot be written only makes the next run
  /// slower: the first failure is said once, as a warning, and the rest of
  /// the run goes on without storing.
  void store(llvm::StringRef File, llvm::StringRef Key,
             llvm::ArrayRef<Input> Inputs, llvm::StringRef Facts);

  /// The facts of an entry's text, whatever its key and inputs (an editor
  /// takes other files' facts as they are); empty when they are not whole.
  static llvm::StringRef factsOf(llvm::StringRef Entry);

  /// Whether the cache may be used, checked once its directory exists:
  /// another user's directory, or one others can write to, could hold
  /// planted facts or links; it is said once, and not used.
  bool trusted();

private:
  /// The hash of Path's current text; memoized for the run.
  std::optional<uint64_t> hashOf(const std::string &Path);

  std::string Directory;
  bool Unusable = false, Checked = false;
  std::mutex M;
  llvm::StringMap<std::optional<uint64_t>> Hashes;
};

} // namespace corolint

#endif // COROLINT_FACTS_CACHE_H
