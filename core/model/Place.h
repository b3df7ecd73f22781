//===--- Place.h - Interned strings, places in files and edits -----------===//
//
// Every name, path and text the analysis keeps is interned once in a
// StringPool and referred to by a StrId; a place in a file (Place) and an
// edit (Edit) are small values over such ids. The same types serve one
// translation unit, a facts file and the merged whole program: each of them
// owns one pool.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_MODEL_PLACE_H
#define COROLINT_MODEL_PLACE_H

#include "clang/Basic/FileEntry.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace clang {
class SourceManager;
class LangOptions;
class CharSourceRange;
} // namespace clang

namespace corolint {

using StrId = uint32_t;
constexpr StrId NoStr = ~0u;

/// Strings kept once each, by id. Each pool has an identity of its own
/// for the whole process, which outlives it: what is keyed by it cannot be
/// mistaken for another pool's made where it was. A unit's pool holds two
/// strings per function (its USR and its name), so it is kept compact: the
/// bytes in an arena, and a table of ids hashed by their text.
class StringPool {
public:
  StringPool();
  StringPool(const StringPool &) = delete;
  StringPool &operator=(const StringPool &) = delete;

  uint64_t identity() const { return Identity; }
  StrId intern(llvm::StringRef S);
  /// Room for N strings in all, so that the table is not grown on the way.
  void reserve(size_t N);
  llvm::StringRef operator[](StrId Id) const {
    if (Id == NoStr)
      return llvm::StringRef();
    uint32_t Size;
    std::memcpy(&Size, Strings[Id], sizeof Size);
    return llvm::StringRef(Strings[Id] + sizeof Size, Size);
  }
  size_t size() const { return Strings.size(); }

private:
  /// A slot of Table: an id and its text's hash, compared before its text.
  struct Slot {
    uint32_t Hash;
    StrId Id = NoStr;
  };
  /// Where S's id is in Table, or the empty slot where it would go.
  Slot &slot(llvm::StringRef S, uint32_t Hash);
  void grow();
  /// The table made Size slots, every id in it again.
  void rehash(size_t Size);

  uint64_t Identity;
  llvm::BumpPtrAllocator Bytes;
  /// Each string's bytes, after their size (four bytes).
  std::vector<const char *> Strings;
  /// Open addressing, a power of two in size, at most half full.
  std::vector<Slot> Table;
};

/// A place in a file: its real path, 1-based line and column, and byte
/// offset. Loc is the place in the translation unit that made it, where
/// there is one: diagnostics there use it, so that clang can show macro
/// expansions.
struct Place {
  StrId File = NoStr;
  uint32_t Line = 0, Col = 0, Offset = 0;
  clang::SourceLocation Loc;

  bool valid() const { return File != NoStr; }
};

/// Replaces Length bytes at At by Text.
struct Edit {
  Place At;
  uint32_t Length = 0;
  std::string Text;
};

/// The one spelling of a file's path that every part of corolint uses: its
/// real path (so that a header reached as "a/../inc/h.h" and as "inc/h.h"
/// is one file), or, for a file that does not exist, the path made absolute
/// against Directory (or the current directory) without "." components.
std::string canonicalPath(llvm::StringRef Path, llvm::StringRef Directory = "");

/// The canonical path of a file the compiler read.
std::string canonicalPath(clang::FileEntryRef File);

/// Makes Places and Edits for one translation unit, resolving each file's
/// path once.
class PlaceMaker {
public:
  PlaceMaker(const clang::SourceManager &SM, const clang::LangOptions &LO,
             StringPool &Strings)
      : SM(SM), LO(LO), Strings(Strings) {}

  /// The place of Loc in its file (a macro's expansion); invalid for an
  /// invalid location.
  Place at(clang::SourceLocation Loc);

  /// An edit that replaces Range (a token or character range) by Text; an
  /// edit with no place when the range is not plain file text.
  Edit edit(const clang::CharSourceRange &Range, llvm::StringRef Text);

  /// The path of File, interned.
  StrId file(clang::FileID File);

private:
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  StringPool &Strings;
  llvm::DenseMap<clang::FileID, StrId> Files;
};

} // namespace corolint

#endif // COROLINT_MODEL_PLACE_H
