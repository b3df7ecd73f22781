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

} // namespace corolint
