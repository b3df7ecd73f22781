//===--- Paths.cpp - Paths made absolute ----------------------------------===//

#include "Paths.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

namespace corolint {

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> P(Path);
  if (llvm::sys::fs::make_absolute(P))
    return Path.str();
  return P.str().str();
}

std::optional<std::string> relativeTo(llvm::StringRef Path,
                                      llvm::StringRef Root) {
  std::string Prefix = Root.ends_with("/") ? Root.str() : (Root + "/").str();
  if (Root.empty() || !Path.starts_with(Prefix))
    return std::nullopt;
  return Path.drop_front(Prefix.size()).str();
}

} // namespace corolint
