//===--- Sources.h - The text of the files findings are in ----------------===//

#ifndef COROLINT_OUTPUT_SOURCES_H
#define COROLINT_OUTPUT_SOURCES_H

#include "Results.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <optional>

namespace corolint {

/// The texts of source files, reading each file once.
class Sources {
public:
  explicit Sources(const Results &R) : R(R) {}

  /// The text of File; nothing when it cannot be read.
  std::optional<llvm::StringRef> text(llvm::StringRef File);
  /// The line P is on, without its newline.
  llvm::StringRef line(const Place &P);

  const Results &R;

private:
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Files;
};

} // namespace corolint

#endif // COROLINT_OUTPUT_SOURCES_H
