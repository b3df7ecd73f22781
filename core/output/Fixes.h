//===--- Fixes.h - Exporting and applying the findings' fixes -------------===//

#ifndef COROLINT_OUTPUT_FIXES_H
#define COROLINT_OUTPUT_FIXES_H

#include "Results.h"
#include "llvm/Support/raw_ostream.h"
#include <functional>
#include <map>

namespace corolint {

/// The edits of F that --fix applies: the warning's own, or with WithNotes
/// and none of its own, those of its one note that has any (as clang-tidy's
/// --fix-notes).
std::vector<Edit> fixOf(const Reported &F, bool WithNotes);

struct FixResult {
  unsigned Applied = 0;             // findings whose fix was applied
  std::vector<std::string> Written; // files changed
  /// Findings whose fix was refused: it overlaps the edit of another
  /// finding's fix, or no longer fits its file. Each is a message.
  std::vector<std::string> Refused;
  /// Files that could not be written; they are left as they were.
  std::vector<std::string> Errors;
};

/// Applies the fixes of Findings without conflicts: a fix that overlaps an
/// edit of one taken before it is refused whole; identical edits (from a
/// header that several files include) count once; a file whose text is no
/// longer the one analysed (its hash in R.Inputs differs) is not edited.
/// Where --diff prints: the stream, and the directory its paths are
/// relative to (as a/PATH and b/PATH, for `git apply` or `patch -p1`).
struct DiffTo {
  llvm::raw_ostream &OS;
  std::string Root;
};

/// Each file is written to a temporary file and renamed, so that none is
/// left half written. Given Diff, nothing is written: what would change
/// is printed there as a unified diff, and Written names the files.
/// StyleOf names the clang-format style for the code around a file's
/// edits (as clang-tidy's FormatStyle: "none", "file", "llvm", or a
/// {JSON} style); without it, or with "none", nothing is formatted.
FixResult
applyFixes(const Results &R, bool WithNotes, const DiffTo *Diff = nullptr,
           std::function<std::string(llvm::StringRef File)> StyleOf = nullptr);

/// The findings in the YAML that clang-apply-replacements reads, as
/// clang-tidy --export-fixes writes it. Each warning carries the edits --fix
/// would apply (fixOf), its notes none, as clang-apply-replacements applies
/// every edit it finds.
void exportFixes(const Results &R, bool WithNotes, llvm::raw_ostream &OS);

} // namespace corolint

#endif // COROLINT_OUTPUT_FIXES_H
