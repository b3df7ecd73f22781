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
#include <set>
#include <string>
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

/// A rewrite across files, as the whole program decides it: the plain
/// functions that become coroutines (members) and the plain callers of
/// members that stay plain and run them to completion (roots), by USR; the
/// task type of the coroutines they are awaited in; the blocking calls
/// (chains' ends) the rewrite must await, by path and offset; and the
/// directory under which declarations may be edited.
struct ProgramRewritePlan {
  /// Knowledge::taskType's name for the coroutines' task type.
  std::string TaskRow;
  std::set<std::string> Members, Roots;
  std::set<std::pair<std::string, uint32_t>> MustAwait;
  std::string SourceRoot;
};

/// What one unit adds to a rewrite across files: its edits, or why there
/// can be none; and the files where it saw members declared.
struct UnitRewrite {
  AsyncRewrite Result;
  std::set<std::string> DeclaredIn;
};

/// The edits Plan makes in U's unit (in Out's pool): each member declared
/// here returns the task, its body (if here) awaits and co_returns, each
/// call of a member is awaited, or run to completion in a root; or why
/// there can be none (a use that is not a call, a caller the plan does not
/// name, a member that cannot be a coroutine). Nothing for a unit that
/// declares no member.
UnitRewrite rewriteInUnit(const ProgramRewritePlan &Plan, UnitIndex &U,
                          const FixOptions &Fix, StringPool &Out);

} // namespace corolint

#endif // COROLINT_FIXITS_FIXITS_H
