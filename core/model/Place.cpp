//===--- Place.cpp - Interned strings, places in files and edits ---------===//

#include "Place.h"
#include "Paths.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>
#include <atomic>
#include <limits>

using namespace clang;

namespace corolint {

StringPool::StringPool() : Table(16) {
  static std::atomic<uint64_t> Made{0};
  Identity = Made++;
}

static uint32_t hashText(llvm::StringRef S) {
  return static_cast<uint32_t>(llvm::xxh3_64bits(S));
}

StringPool::Slot &StringPool::slot(llvm::StringRef S, uint32_t Hash) {
  const size_t Mask = Table.size() - 1;
  for (size_t I = Hash & Mask;; I = (I + 1) & Mask) {
    Slot &At = Table[I];
    if (At.Id == NoStr || (At.Hash == Hash && (*this)[At.Id] == S))
      return At;
  }
}

void StringPool::grow() { rehash(Table.size() * 2); }

void StringPool::rehash(size_t Size) {
  std::vector<Slot> Old(Size);
  Old.swap(Table);
  for (const Slot &S : Old)
    if (S.Id != NoStr)
      slot((*this)[S.Id], S.Hash) = S;
}

void StringPool::reserve(size_t N) {
  Strings.reserve(N);
  // At most half full, as grow() keeps it.
  size_t Size = Table.size();
  while (Size < 2 * N + 2)
    Size *= 2;
  if (Size != Table.size())
    rehash(Size);
}

StrId StringPool::intern(llvm::StringRef S) {
  const uint32_t Hash = hashText(S);
  Slot &At = slot(S, Hash);
  if (At.Id != NoStr)
    return At.Id;
  // A string of 4 GiB or more is no name or path corolint keeps.
  const uint32_t Size = static_cast<uint32_t>(
      std::min<size_t>(S.size(), std::numeric_limits<uint32_t>::max()));
  char *Copy = Bytes.Allocate<char>(sizeof Size + Size + 1);
  std::memcpy(Copy, &Size, sizeof Size);
  std::copy(S.begin(), S.begin() + Size, Copy + sizeof Size);
  Copy[sizeof Size + Size] = '\0';
  const StrId New = static_cast<StrId>(Strings.size());
  At = {Hash, New};
  Strings.push_back(Copy);
  if (Strings.size() * 2 > Table.size())
    grow();
  return New;
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
