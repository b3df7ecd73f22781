//===--- FixIts.h - The findings of a unit, with their fix-its -----------===//
//
// The fix-its layer's one entry point: a check's findings in a translation
// unit, with the edits that rewrite each blocking call to `co_await` where
// the result compiles and means the same (a thread sleep to the awaited
// timer, a nested run that keeps its value to `co_await`, a synchronous
// operation to its awaited async twin, a Qt wait to QCoro's), and for a
// chain the async-all-the-way-up rewrite (for a chain to a nested run, why
// there is none). It sees the unit's analysis only through UnitIndex.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FIXITS_FIXITS_H
#define COROLINT_FIXITS_FIXITS_H

#include "UnitIndex.h"
#include "clang/Basic/Diagnostic.h"
#include <functional>
#include <optional>
#include <vector>

namespace corolint {

/// What one check's fix-its need beyond the AST.
struct FixOptions {
  /// The awaited sleep for coroutines whose framework has none, with %0
  /// for the duration; empty when there is none.
  llvm::StringRef SleepReplacement;
  /// A header the replacement needs, as an #include names it.
  llvm::StringRef SleepReplacementHeader;
  /// An edit that includes Header in File, unless it is there already.
  std::function<std::optional<clang::FixItHint>(clang::FileID File,
                                                llvm::StringRef Header)>
      Include;
};

/// Check's findings in U's unit, in the order their coroutines are defined,
/// each once per place and name called, with their fix-its.
std::vector<Finding> findingsWithFixes(UnitIndex &U, CheckId Check,
                                       const FixOptions &Fix);

} // namespace corolint

#endif // COROLINT_FIXITS_FIXITS_H
