//===--- Results.cpp - The findings the standalone tool reports -----------===//

#include "Results.h"
#include "llvm/ADT/Twine.h"

namespace corolint {

std::string findingKey(const Results &R, const Reported &F,
                       llvm::StringRef Root) {
  llvm::StringRef Path = R.str(F.F.At.File);
  std::string File = relativeTo(Path, Root).value_or(Path.str());
  return (checkInfo(F.F.Check).Name + "\t" + File + "\t" +
          R.str(F.F.Coro.Qualified) + "\t" + R.str(F.F.Called))
      .str();
}

} // namespace corolint
