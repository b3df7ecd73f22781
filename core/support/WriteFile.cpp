//===--- WriteFile.cpp - Writing a file whole or not at all ---------------===//

#include "WriteFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <set>
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

/// A temporary file's name: the target's, ".corolint-", the writer's
/// process id, and this, which says what it is.
constexpr llvm::StringLiteral TempSuffix = ".tmp";

/// The process id in a temporary file's name, if it is one of ours.
static std::optional<int> writerOf(llvm::StringRef Name) {
  if (!Name.consume_back(TempSuffix))
    return std::nullopt;
  size_t At = Name.rfind(".corolint-");
  int Pid;
  if (At == llvm::StringRef::npos ||
      Name.drop_front(At + strlen(".corolint-")).getAsInteger(10, Pid) ||
      Pid <= 0)
    return std::nullopt;
  return Pid;
}

bool leftByDeadProcess(llvm::StringRef Path, int Pid, bool Directory) {
  struct stat Status;
  return Pid > 0 && kill(Pid, 0) != 0 && errno == ESRCH &&
         lstat(Path.str().c_str(), &Status) == 0 &&
         (Directory ? S_ISDIR(Status.st_mode) : S_ISREG(Status.st_mode)) &&
         Status.st_uid == geteuid();
}

void sweepDeadWriters(llvm::StringRef Dir) {
  static std::mutex M;
  static std::set<std::string> Swept;
  {
    std::lock_guard<std::mutex> Lock(M);
    if (!Swept.insert(Dir.str()).second)
      return;
  }
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir.empty() ? "." : Dir, EC), End;
       !EC && It != End; It.increment(EC)) {
    std::optional<int> Pid = writerOf(llvm::sys::path::filename(It->path()));
    if (Pid && leftByDeadProcess(It->path(), *Pid))
      (void)llvm::sys::fs::remove(It->path());
  }
}

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text,
                                Links L) {
  // What is not a regular file (a device, a pipe) must not be replaced,
  // nor a file with other links, which would keep the old text.
  struct stat Old;
  bool Exists = L == Links::Follow && stat(Path.str().c_str(), &Old) == 0;
  if (Exists && (!S_ISREG(Old.st_mode) || Old.st_nlink > 1))
    return writeInPlace(Path, Text);
  llvm::SmallString<256> Target;
  if (L == Links::Replace || llvm::sys::fs::real_path(Path, Target))
    Target = Path; // a new file, or the link itself
  std::optional<llvm::sys::fs::perms> Mode;
  if (L == Links::Follow)
    if (llvm::ErrorOr<llvm::sys::fs::perms> P =
            llvm::sys::fs::getPermissions(Target))
      Mode = *P;
  sweepDeadWriters(llvm::sys::path::parent_path(Target));
  std::string Temp =
      (Target + ".corolint-" +
       std::to_string(llvm::sys::Process::getProcessId()) + TempSuffix)
          .str();
  auto Fail = [&](std::error_code EC) {
    (void)llvm::sys::fs::remove(Temp); // the error to say is EC's
    llvm::sys::DontRemoveFileOnSignal(Temp);
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
    // An interrupted run leaves no temporary file (a killed one's is swept
    // by the next).
    llvm::sys::RemoveFileOnSignal(Temp);
    // The new file is the old one's owner's (a fix run as root in another
    // user's checkout); where that cannot be, it is written in place.
    if (Exists && (Old.st_uid != geteuid() || Old.st_gid != getegid()) &&
        fchown(Fd, Old.st_uid, Old.st_gid) != 0) {
      ::close(Fd);
      (void)llvm::sys::fs::remove(Temp);
      llvm::sys::DontRemoveFileOnSignal(Temp);
      return writeInPlace(Path, Text);
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
  llvm::sys::DontRemoveFileOnSignal(Temp);
  return llvm::Error::success();
}

std::optional<std::string> readRegularFile(llvm::StringRef Path) {
  int Fd = ::open(Path.str().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (Fd < 0)
    return std::nullopt;
  struct stat Status;
  std::optional<std::string> Text;
  if (fstat(Fd, &Status) == 0 && S_ISREG(Status.st_mode)) {
    // Read straight into the string: no mapping, no second copy.
    Text.emplace(Status.st_size, '\0');
    size_t Done = 0;
    while (Done < Text->size()) {
      ssize_t N = ::read(Fd, Text->data() + Done, Text->size() - Done);
      if (N < 0 && errno == EINTR)
        continue;
      if (N <= 0)
        break;
      Done += N;
    }
    Text->resize(Done); // a file cut short since is read as it is now
  }
  ::close(Fd);
  return Text;
}

} // namespace corolint
