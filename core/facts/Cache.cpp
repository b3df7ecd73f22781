//===--- Cache.cpp - Per-file facts kept between runs ---------------------===//

#include "Cache.h"
#include "WriteFile.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/xxhash.h"
#include <sys/stat.h>
#include <unistd.h>

namespace corolint {

std::optional<uint64_t> FactsCache::hashOf(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(M);
    auto It = Hashes.find(Path);
    if (It != Hashes.end())
      return It->second;
  }
  std::optional<uint64_t> Hash;
  if (auto Buffer =
          llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false))
    Hash = llvm::xxh3_64bits((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Lock(M);
  Hashes[Path] = Hash;
  return Hash;
}

// An entry is the key, the inputs as a JSON array of [path, hash], and the
// facts, a line each but the facts.
bool FactsCache::trusted() {
  std::lock_guard<std::mutex> Lock(M);
  if (Checked || Unusable)
    return !Unusable;
  struct stat Status;
  if (stat(Directory.c_str(), &Status) != 0)
    return true; // not there yet: store() makes it
  Checked = true;
  const char *Why = nullptr;
  if (Status.st_uid != geteuid())
    Why = "another user owns it";
  else if (Status.st_mode & (S_IWGRP | S_IWOTH))
    Why = "others can write to it";
  if (!Why)
    return true;
  Unusable = true;
  llvm::WithColor::warning(llvm::errs(), "corolint")
      << "not using the cache '" << Directory << "': " << Why
      << "; going on without it\n";
  return false;
}

std::optional<std::string> FactsCache::lookup(llvm::StringRef File,
                                              llvm::StringRef Key) {
  if (!trusted())
    return std::nullopt;
  std::optional<std::string> Entry =
      readRegularFile(factsFilePath(Directory, File));
  if (!Entry)
    return std::nullopt;
  auto [StoredKey, Rest] = llvm::StringRef(*Entry).split('\n');
  llvm::StringRef InputLine = Rest.split('\n').first;
  llvm::StringRef Facts = factsOf(*Entry);
  if (StoredKey != Key || Facts.empty())
    return std::nullopt;
  llvm::Expected<llvm::json::Value> Inputs = llvm::json::parse(InputLine);
  if (!Inputs) {
    llvm::consumeError(Inputs.takeError());
    return std::nullopt;
  }
  const llvm::json::Array *A = Inputs->getAsArray();
  if (!A || A->empty())
    return std::nullopt;
  for (const llvm::json::Value &V : *A) {
    const llvm::json::Array *I = V.getAsArray();
    std::optional<std::string> Path;
    std::optional<llvm::StringRef> Hash;
    if (I && I->size() == 2) {
      Path = textFromJSON((*I)[0]);
      Hash = (*I)[1].getAsString();
    }
    uint64_t H;
    if (!Path || !Hash || Hash->getAsInteger(16, H) || hashOf(*Path) != H)
      return std::nullopt;
  }
  Entry->erase(0, Facts.data() - Entry->data());
  return Entry;
}

llvm::StringRef FactsCache::factsOf(llvm::StringRef Entry) {
  llvm::StringRef Facts = Entry.split('\n').second.split('\n').second;
  return Facts.ends_with("}}\n") ? Facts : llvm::StringRef();
}

void FactsCache::store(llvm::StringRef File, llvm::StringRef Key,
                       llvm::ArrayRef<Input> Inputs, llvm::StringRef Facts) {
  if (Inputs.empty() || Unusable)
    return;
  auto GiveUp = [&](const std::string &Why) {
    Unusable = true;
    llvm::WithColor::warning(llvm::errs(), "corolint")
        << "cannot keep facts in the cache '" << Directory << "': " << Why
        << "; going on without it\n";
  };
  if (std::error_code EC = llvm::sys::fs::create_directories(
          Directory, /*IgnoreExisting=*/true, llvm::sys::fs::perms::owner_all))
    return GiveUp(EC.message());
  if (!trusted())
    return;
  llvm::json::Array A;
  for (const auto &[Path, Hash] : Inputs)
    A.push_back(llvm::json::Array{textJSON(Path), llvm::utohexstr(Hash)});
  std::string Text;
  llvm::raw_string_ostream(Text) << Key << "\n"
                                 << llvm::json::Value(std::move(A)) << "\n"
                                 << Facts;
  if (llvm::Error E = writeFileAtomically(factsFilePath(Directory, File), Text,
                                          Links::Replace))
    GiveUp(llvm::toString(std::move(E)));
}

} // namespace corolint
