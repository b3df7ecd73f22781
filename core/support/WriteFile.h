//===--- WriteFile.h - Writing a file whole or not at all -----------------===//

#ifndef COROLINT_SUPPORT_WRITEFILE_H
#define COROLINT_SUPPORT_WRITEFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace corolint {

/// Replaces the file at Path (through a symbolic link, to the file it names)
/// with Text: written to a temporary file beside it, given the old file's
/// permissions, and renamed over it, so that a reader never sees half a file
/// and a failure leaves the old one as it was. What is not a regular file (a
/// device, a pipe) is written in place.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text);

} // namespace corolint

#endif // COROLINT_SUPPORT_WRITEFILE_H
