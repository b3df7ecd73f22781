//===--- Report.h - From every file's facts to the findings ---------------===//

#ifndef COROLINT_TOOL_REPORT_H
#define COROLINT_TOOL_REPORT_H

#include "FileFacts.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint {

/// A file that could not be analysed, and why.
struct Failure {
  std::string File;
  std::vector<std::string> Errors;
};

struct Results {
  std::vector<Finding> Findings; // sorted by place, each once
  std::vector<Failure> Failures;
  unsigned Files = 0;            // analysed, failed ones included
};

/// Merges the facts of every file: each file's own findings, and the
/// candidates that a chain through other files confirms. A finding from a
/// header that several files include counts once.
Results merge(std::vector<FileFacts> &All);

/// clang's format: "file:line:col: warning: text [check]" and "note:" lines,
/// each with the source line and a caret; coloured when Colour is set.
void printText(const Results &R, llvm::raw_ostream &OS, bool Colour);

/// The findings and failures as one JSON document.
void printJSON(const Results &R, llvm::raw_ostream &OS);

} // namespace corolint

#endif // COROLINT_TOOL_REPORT_H
