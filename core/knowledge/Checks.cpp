//===--- Checks.cpp - The coro-* checks, as data --------------------------===//

#include "Checks.h"
#include "EnumNames.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cassert>

namespace corolint {

static const CheckInfo Infos[] = {
#define COROLINT_CHECK(Id, Name, Class, Kind, Direct, Followed, Summary, Help) \
  {CheckId::Id, Name, BlockKind::Kind, Direct, Followed, Summary, Help},
#include "Checks.def"
};

llvm::ArrayRef<CheckInfo> checkInfos() { return Infos; }

const CheckInfo &checkInfo(CheckId Id) {
  const CheckInfo *Info =
      llvm::find_if(Infos, [&](const CheckInfo &I) { return I.Id == Id; });
  assert(Info != std::end(Infos) && "every check has a row");
  return *Info;
}

const CheckInfo *checkNamed(llvm::StringRef Name) {
  const CheckInfo *Info =
      llvm::find_if(Infos, [&](const CheckInfo &I) { return I.Name == Name; });
  return Info == std::end(Infos) ? nullptr : Info;
}

CheckId checkFor(BlockKind Kind, bool Chain) {
  const CheckInfo *Info = llvm::find_if(Infos, [&](const CheckInfo &I) {
    return I.Kind == Kind && (Chain ? I.Followed : I.Direct);
  });
  assert(Info != std::end(Infos) && "every kind has a check");
  return Info->Id;
}

static constexpr llvm::StringLiteral KindNames[NumBlockKinds] = {
    "sleep", "nested-run", "call"};

llvm::StringRef kindName(BlockKind Kind) {
  return KindNames[static_cast<unsigned>(Kind)];
}

std::optional<BlockKind> kindNamed(llvm::StringRef Name) {
  return enumNamed<BlockKind>(KindNames, Name);
}

std::string docsUrl(const CheckInfo &C, llvm::StringRef Given) {
  if (!Given.empty())
    return (Given.rtrim('/') + "/" + C.Name + ".md").str();
  static const std::string Base = []() -> std::string {
    if (*COROLINT_DOCS_URL)
      return COROLINT_DOCS_URL;
    // The docs installed beside the binaries (<prefix>/bin and
    // <prefix>/share/doc/corolint, wherever the prefix is: cmake --install,
    // the .deb), else, from the build tree, the sources'.
    llvm::SmallString<256> Dir(
        llvm::sys::path::parent_path(llvm::sys::path::parent_path(
            llvm::sys::fs::getMainExecutable("corolint", nullptr))));
    llvm::sys::path::append(Dir, COROLINT_DOCDIR, "checks");
    if (llvm::sys::fs::is_directory(Dir))
      return ("file://" + Dir).str();
    return "file://" COROLINT_SOURCE_DIR "/docs/checks";
  }();
  return (Base + "/" + C.Name + ".md").str();
}

} // namespace corolint
