//===--- Paths.h - Paths made absolute ------------------------------------===//

#ifndef COROLINT_SUPPORT_PATHS_H
#define COROLINT_SUPPORT_PATHS_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace corolint {

/// Path made absolute against the current directory; as given when there is
/// no current directory to make it absolute against.
std::string absolutePath(llvm::StringRef Path);

/// Path relative to Root when it is under it.
std::optional<std::string> relativeTo(llvm::StringRef Path,
                                      llvm::StringRef Root);

} // namespace corolint

#endif // COROLINT_SUPPORT_PATHS_H
