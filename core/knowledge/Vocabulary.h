//===--- Vocabulary.h - The closed sets the knowledge is written in -------===//
//
// The frameworks, the families of blocking calls and the kinds of wait are
// fixed sets that code and options name (an option per family, a rewrite
// per framework's tokens): each is a .def table, with the names that
// knowledge files, facts files and messages use.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_KNOWLEDGE_VOCABULARY_H
#define COROLINT_KNOWLEDGE_VOCABULARY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <optional>

namespace corolint {

enum class Framework : unsigned char {
#define COROLINT_FRAMEWORK(Id, Key, Name) Id,
#include "Frameworks.def"
};

/// A family of blocking calls: what a warning names, and what an option
/// switches off.
enum class Family : unsigned char {
#define COROLINT_FAMILY(Id, Name, Option, What, On) Id,
#include "Families.def"
};
constexpr size_t NumFamilies = 0
#define COROLINT_FAMILY(...) +1
#include "Families.def"
    ;

/// What a blocking call waits for, which gives its family and its
/// asynchronous alternative.
enum class Wait : unsigned char {
#define COROLINT_WAIT(Id, Name, Family) Id,
#include "Waits.def"
};

struct FamilyInfo {
  Family Id;
  /// Its name in `corolint --list-blocking`.
  llvm::StringLiteral Name;
  /// coro-blocking-call's option that switches it off.
  llvm::StringLiteral Option;
  /// What the warning says the call does: "synchronous network I/O".
  llvm::StringLiteral What;
  /// Whether it is reported unless its option says otherwise.
  bool On;
};

/// The families, in the order of Family.
llvm::ArrayRef<FamilyInfo> families();
const FamilyInfo &familyInfo(Family F);
Family familyOf(Wait W);

/// The names facts files and knowledge files give waits, and back.
llvm::StringRef waitName(Wait W);
std::optional<Wait> waitNamed(llvm::StringRef Name);

/// The names facts files and messages give frameworks ("Boost.Asio"), and
/// back; the unknown framework's is empty.
llvm::StringRef frameworkName(Framework Id);
std::optional<Framework> frameworkNamed(llvm::StringRef Name);
/// The keys knowledge files give frameworks ("boost-asio"), and back.
llvm::StringRef frameworkKey(Framework Id);
std::optional<Framework> frameworkKeyed(llvm::StringRef Key);

} // namespace corolint

#endif // COROLINT_KNOWLEDGE_VOCABULARY_H
