//===--- Vocabulary.cpp - The closed sets the knowledge is written in -----===//

#include "Vocabulary.h"
#include "EnumNames.h"

namespace corolint {

namespace {

const FamilyInfo Families[] = {
#define COROLINT_FAMILY(Id, Name, Option, What, On)                            \
  {Family::Id, Name, Option, What, On},
#include "Families.def"
};

constexpr llvm::StringLiteral WaitNames[] = {
#define COROLINT_WAIT(Id, Name, Family) Name,
#include "Waits.def"
};

constexpr Family WaitFamilies[] = {
#define COROLINT_WAIT(Id, Name, Of) Family::Of,
#include "Waits.def"
};

constexpr llvm::StringLiteral FrameworkNames[] = {
#define COROLINT_FRAMEWORK(Id, Key, Name) Name,
#include "Frameworks.def"
};

constexpr llvm::StringLiteral FrameworkKeys[] = {
#define COROLINT_FRAMEWORK(Id, Key, Name) Key,
#include "Frameworks.def"
};

} // namespace

llvm::ArrayRef<FamilyInfo> families() { return Families; }

const FamilyInfo &familyInfo(Family F) {
  return Families[static_cast<size_t>(F)];
}

Family familyOf(Wait W) { return WaitFamilies[static_cast<size_t>(W)]; }

llvm::StringRef waitName(Wait W) { return WaitNames[static_cast<size_t>(W)]; }

std::optional<Wait> waitNamed(llvm::StringRef Name) {
  return enumNamed<Wait>(WaitNames, Name);
}

llvm::StringRef frameworkName(Framework Id) {
  return FrameworkNames[static_cast<size_t>(Id)];
}

std::optional<Framework> frameworkNamed(llvm::StringRef Name) {
  return enumNamed<Framework>(FrameworkNames, Name);
}

llvm::StringRef frameworkKey(Framework Id) {
  return FrameworkKeys[static_cast<size_t>(Id)];
}

std::optional<Framework> frameworkKeyed(llvm::StringRef Key) {
  return enumNamed<Framework>(FrameworkKeys, Key);
}

} // namespace corolint
