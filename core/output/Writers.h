//===--- Writers.h - The findings as the user asked for them --------------===//
//
// One writer per output format, each from the same Results.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_OUTPUT_WRITERS_H
#define COROLINT_OUTPUT_WRITERS_H

#include "Results.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint {

/// clang's format: "file:line:col: warning: text [check]" and "note:" lines,
/// each with the source line and a caret; coloured when Colour is set.
void writeText(const Results &R, llvm::raw_ostream &OS, bool Colour);

/// The findings and failures as one JSON document.
void writeJSON(const Results &R, llvm::raw_ostream &OS);

/// SARIF 2.1.0 as GitHub code scanning takes it: a rule per check with its
/// help, a result per finding with its notes as related locations, a code
/// flow along each chain, the fixes, and a fingerprint that survives edits
/// elsewhere in the file. Paths under Root are relative to it (%SRCROOT%).
/// Each rule's page is under DocsBase when given (docsUrl).
void writeSARIF(const Results &R, llvm::StringRef Root, llvm::raw_ostream &OS,
                llvm::StringRef DocsBase = "");

} // namespace corolint

#endif // COROLINT_OUTPUT_WRITERS_H
