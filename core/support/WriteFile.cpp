//===--- WriteFile.cpp - Writing a file whole or not at all ---------------===//

#include "WriteFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

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

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text) {
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Path, Status) &&
      Status.type() != llvm::sys::fs::file_type::regular_file)
    return writeInPlace(Path, Text);
  llvm::SmallString<256> Target;
  if (llvm::sys::fs::real_path(Path, Target))
    Target = Path; // a new file
  std::optional<llvm::sys::fs::perms> Mode;
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
    std::error_code EC;
    llvm::raw_fd_ostream OS(Temp, EC);
    if (EC)
      return Fail(EC);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      EC = OS.error();
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

} // namespace corolint
