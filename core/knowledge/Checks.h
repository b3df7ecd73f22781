//===--- Checks.h - The coro-* checks, as data ----------------------------===//
//
// The one list of corolint's checks (Checks.def): each check's name, the
// kind of blocking call it reports, whether it reports such calls made in
// the coroutine itself and through plain functions it calls, and the text
// that reports outside the terminal carry (SARIF rules). The checks'
// registration, the standalone tool and corolint-clangd are built from it;
// docs/checks/ has the long form.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_KNOWLEDGE_CHECKS_H
#define COROLINT_KNOWLEDGE_CHECKS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace corolint {

/// What blocks: a thread sleep, a nested run (an event loop or a coroutine
/// run to completion), or another blocking call.
enum class BlockKind : uint8_t { Sleep, NestedRun, Call };
constexpr unsigned NumBlockKinds = 3;

enum class CheckId : uint8_t {
#define COROLINT_CHECK(Id, ...) Id,
#include "Checks.def"
};

struct CheckInfo {
  CheckId Id;
  llvm::StringLiteral Name;
  BlockKind Kind;
  /// Reports a blocking call of its kind made in the coroutine itself.
  bool Direct;
  /// Reports calls to plain functions that reach one.
  bool Followed;
  /// A line that names the problem, and a paragraph of help.
  llvm::StringLiteral Summary;
  llvm::StringLiteral Help;
};

/// Every check, sorted by name.
llvm::ArrayRef<CheckInfo> checkInfos();
const CheckInfo &checkInfo(CheckId Id);
/// The check named Name, or nullptr when it is not one of corolint's.
const CheckInfo *checkNamed(llvm::StringRef Name);
/// The check that reports a blocking call of Kind made in the coroutine
/// (Chain false) or reached through plain functions (Chain true).
CheckId checkFor(BlockKind Kind, bool Chain);

/// The address of the check's documentation page: under Base (the
/// directory of the checks' pages) when given, else a build-time setting
/// (COROLINT_DOCS_URL), by default the docs installed beside the running
/// binary as a file:// URL (the sources' from the build tree).
std::string docsUrl(const CheckInfo &C, llvm::StringRef Base = "");

/// Kinds as facts files name them, and back.
llvm::StringRef kindName(BlockKind Kind);
std::optional<BlockKind> kindNamed(llvm::StringRef Name);

} // namespace corolint

#endif // COROLINT_KNOWLEDGE_CHECKS_H
