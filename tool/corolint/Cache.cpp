//===--- Cache.cpp - Per-file facts kept between runs ---------------------===//

#include "Cache.h"
#include "WriteFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace corolint {

std::string FactsCache::entryPath(llvm::StringRef File) const {
  return factsFilePath(Directory, File);
}

std::optional<uint64_t> FactsCache::hashOf(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(M);
    auto It = Hashes.find(Path);
    if (It != Hashes.end())
      return It->second;
  }
  std::optional<uint64_t> Hash;
  if (auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                                /*RequiresNullTerminator=*/false))
    Hash = llvm::xxh3_64bits((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Lock(M);
  Hashes[Path] = Hash;
  return Hash;
}

std::optional<FileFacts> FactsCache::lookup(llvm::StringRef File,
                                            llvm::StringRef Key) {
  auto Buffer = llvm::MemoryBuffer::getFile(entryPath(File));
  if (!Buffer)
    return std::nullopt;
  // An entry is the key, a newline, and the facts.
  auto [StoredKey, Facts] = (*Buffer)->getBuffer().split("\n\n");
  if (StoredKey != Key)
    return std::nullopt;
  llvm::Expected<llvm::json::Value> Value = llvm::json::parse(Facts);
  if (!Value) {
    llvm::consumeError(Value.takeError());
    return std::nullopt;
  }
  llvm::Expected<FileFacts> F = fileFactsFromJSON(*Value);
  if (!F) {
    llvm::consumeError(F.takeError());
    return std::nullopt;
  }
  if (F->File != File || F->Inputs.empty())
    return std::nullopt;
  for (const auto &[Path, Hash] : F->Inputs)
    if (hashOf(Path) != Hash)
      return std::nullopt;
  return std::move(*F);
}

void FactsCache::store(llvm::StringRef File, llvm::StringRef Key,
                       const FileFacts &Facts) {
  // A file that did not compile may compile once a missing header appears,
  // and a missing file is no input: it is not kept.
  if (Facts.Inputs.empty() || Facts.File != File || !Facts.Parsed)
    return;
  if (llvm::sys::fs::create_directories(Directory))
    return;
  std::string Text;
  llvm::raw_string_ostream(Text) << Key << "\n\n"
                                 << llvm::json::Value(toJSON(Facts));
  llvm::consumeError(writeFileAtomically(entryPath(File), Text));
}

} // namespace corolint
