//===--- Place.cpp - Interned strings, places in files and edits ---------===//

#include "Place.h"
#include "Paths.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <atomic>

using namespace clang;

namespace corolint {

StringPool::StringPool() {
  static std::atomic<uint64_t> Made{0};
  Identity = Made++;
}

StrId StringPool::intern(llvm::StringRef S) {
  auto [It, New] = Ids.try_emplace(S, static_cast<StrId>(Strings.size()));
  if (New)
    Strings.push_back(It->getKey());
  return It->second;
}

std::string canonicalPath(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> P(Path);
  if (!llvm::sys::path::is_absolute(P)) {
    llvm::SmallString<256> Base(Directory);
    // Without a current directory either, the path stays relative.
    if (Base.empty() || llvm::sys::fs::make_absolute(Base))
      Base = absolutePath(".");
    llvm::sys::path::append(Base, P);
    P = Base;
  }
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(P, Real))
    return Real.str().str();
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/false);
  return P.str().str();
}

std::string canonicalPath(FileEntryRef File) {
  llvm::StringRef Real = File.getFileEntry().tryGetRealPathName();
  return Real.empty() ? canonicalPath(File.getName()) : Real.str();
}

StrId PlaceMaker::file(FileID ID) {
  auto [It, New] = Files.try_emplace(ID, NoStr);
  if (!New)
    return It->second;
  OptionalFileEntryRef Entry = SM.getFileEntryRefForID(ID);
  It->second = Strings.intern(
      Entry ? canonicalPath(*Entry)
            : canonicalPath(SM.getBufferName(SM.getLocForStartOfFile(ID))));
  return It->second;
}

Place PlaceMaker::at(SourceLocation Loc) {
  Place P;
  if (Loc.isInvalid())
    return P;
  SourceLocation FileLoc = SM.getFileLoc(Loc);
  PresumedLoc Presumed =
      SM.getPresumedLoc(FileLoc, /*UseLineDirectives=*/false);
  if (Presumed.isInvalid())
    return P;
  P.File = file(SM.getFileID(FileLoc));
  P.Line = Presumed.getLine();
  P.Col = Presumed.getColumn();
  P.Offset = SM.getFileOffset(FileLoc);
  P.Loc = Loc;
  return P;
}

Edit PlaceMaker::edit(const CharSourceRange &Range, llvm::StringRef Text) {
  Edit E;
  E.Text = Text.str();
  CharSourceRange Chars = Lexer::makeFileCharRange(Range, SM, LO);
  if (Chars.isInvalid())
    return E;
  auto [BeginFile, Begin] = SM.getDecomposedLoc(Chars.getBegin());
  auto [EndFile, End] = SM.getDecomposedLoc(Chars.getEnd());
  if (BeginFile != EndFile || End < Begin)
    return E;
  E.At = at(Chars.getBegin());
  E.Length = End - Begin;
  return E;
}

} // namespace corolint
