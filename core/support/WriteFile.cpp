//===--- WriteFile.cpp - Writing a file whole or not at all ---------------===//

#include "WriteFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace corolint {

/// Writes Text to Path in place: for what is not a regular file (a device,
/// a pipe), which must not be replaced.
static llvm::Error writeInPlace(llvm::StringRef Path, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (!EC) {
    OS << Text;
    OS.close();
    EC = OS.error();
    OS.clear_error(); // or its destructor aborts the process
  }
  if (EC)
    return llvm::createStringError(EC, "cannot write %s: %s",
                                   Path.str().c_str(), EC.message().c_str());
  return llvm::Error::success();
}

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text,
                                Links L) {
  llvm::sys::fs::file_status Status;
  if (L == Links::Follow && !llvm::sys::fs::status(Path, Status) &&
      Status.type() != llvm::sys::fs::file_type::regular_file)
    return writeInPlace(Path, Text);
  llvm::SmallString<256> Target;
  if (L == Links::Replace || llvm::sys::fs::real_path(Path, Target))
    Target = Path; // a new file, or the link itself
  std::optional<llvm::sys::fs::perms> Mode;
  if (L == Links::Follow)
    if (llvm::ErrorOr<llvm::sys::fs::perms> P =
            llvm::sys::fs::getPermissions(Target))
      Mode = *P;
  std::string Temp = (Target + ".corolint-" +
                      std::to_string(llvm::sys::Process::getProcessId()))
                         .str();
  auto Fail = [&](std::error_code EC) {
    (void)llvm::sys::fs::remove(Temp); // the error to say is EC's
    return llvm::createStringError(EC, "cannot write %s: %s",
                                   Path.str().c_str(), EC.message().c_str());
  };
  {
    // Created anew: never a file or link that was there (O_EXCL), whoever
    // put it there.
    int Fd = ::open(Temp.c_str(),
                    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (Fd < 0) {
      std::error_code EC(errno, std::generic_category());
      // Not removed: it is not ours.
      return llvm::createStringError(EC, "cannot write %s: %s: %s",
                                     Path.str().c_str(), Temp.c_str(),
                                     EC.message().c_str());
    }
    llvm::raw_fd_ostream OS(Fd, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error(); // or its destructor aborts the process
      return Fail(EC);
    }
  }
  if (Mode)
    if (std::error_code EC = llvm::sys::fs::setPermissions(Temp, *Mode))
      return Fail(EC);
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Target))
    return Fail(EC);
  return llvm::Error::success();
}

std::optional<std::string> readRegularFile(llvm::StringRef Path) {
  int Fd = ::open(Path.str().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (Fd < 0)
    return std::nullopt;
  struct stat Status;
  std::optional<std::string> Text;
  if (fstat(Fd, &Status) == 0 && S_ISREG(Status.st_mode))
    if (auto Buffer = llvm::MemoryBuffer::getOpenFile(
            Fd, Path, Status.st_size, /*RequiresNullTerminator=*/false))
      Text = (*Buffer)->getBuffer().str();
  ::close(Fd);
  return Text;
}

} // namespace corolint
