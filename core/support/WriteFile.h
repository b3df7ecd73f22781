//===--- WriteFile.h - Writing a file whole or not at all -----------------===//

#ifndef COROLINT_SUPPORT_WRITEFILE_H
#define COROLINT_SUPPORT_WRITEFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>

namespace corolint {

/// Whether a symbolic link at the path written is followed.
enum class Links {
  Follow, ///< the file it names is replaced (a user's source, say)
  Replace ///< the link itself is (in a directory others may have touched)
};

/// Replaces the file at Path with Text: written to a temporary file beside
/// it (TARGET.corolint-PID.tmp, created anew, never through a link; removed
/// if the run is interrupted), given the old file's
/// permissions and owner, and renamed over it, so that a reader never sees
/// half a file and a failure leaves the old one as it was. With
/// Links::Follow, a link at Path is followed, and written in place are what
/// is not a regular file (a device, a pipe), a file with other hard links
/// (which a rename would split), and one whose owner the process cannot give
/// the new file; with Links::Replace, whatever is at Path is replaced.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text,
                                Links L = Links::Follow);

/// Whether Path is a regular file (Directory: a directory), not a link,
/// of this user's, left by process Pid, which no longer exists: what a
/// killed run leaves and the next may remove.
bool leftByDeadProcess(llvm::StringRef Path, int Pid, bool Directory = false);

/// Removes, once per directory in a run, the temporary files that writers
/// now gone (killed with SIGKILL, say) left in Dir: those named
/// "TARGET.corolint-PID.tmp", regular files of this user's, whose process
/// no longer exists.
void sweepDeadWriters(llvm::StringRef Dir);

/// The text of the regular file at Path, not through a symbolic link.
std::optional<std::string> readRegularFile(llvm::StringRef Path);

} // namespace corolint

#endif // COROLINT_SUPPORT_WRITEFILE_H
