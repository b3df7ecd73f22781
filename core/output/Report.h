//===--- Report.h - From every file's facts to the findings ---------------===//

#ifndef COROLINT_OUTPUT_REPORT_H
#define COROLINT_OUTPUT_REPORT_H

#include "Program.h"
#include "Render.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <set>
#include <tuple>

namespace corolint {

/// A file that could not be analysed, and why.
struct Failure {
  std::string File;
  std::vector<std::string> Errors;
};

/// A finding and what the user reads of it (render()).
struct Reported {
  Finding F;
  std::vector<Message> Messages;
  /// The configuration's WarningsAsErrors names the check: an error.
  bool AsError = false;
};

struct Results {
  /// The strings of the findings' names and places.
  const StringPool *Strings = nullptr;
  std::vector<Reported> Findings; // sorted by place, each once
  std::vector<Failure> Failures;
  unsigned Files = 0; // analysed, failed ones included
  /// The hash of each file's text as the analysis read it.
  std::map<std::string, uint64_t> Inputs;
  /// The findings in headers that the header filter left out, by check
  /// and place, each once; collectFindings drops those reported after all.
  std::set<std::tuple<CheckId, StrId, uint32_t>> Hidden;

  llvm::StringRef str(StrId I) const { return (*Strings)[I]; }
};

/// The findings of P: each file's own, and the candidates that the merged
/// graphs complete. A finding from a header that several files include
/// counts once.
void collectFindings(Program &P, Results &R);

/// clang's format: "file:line:col: warning: text [check]" and "note:" lines,
/// each with the source line and a caret; coloured when Colour is set.
void printText(const Results &R, llvm::raw_ostream &OS, bool Colour);

/// The findings and failures as one JSON document.
void printJSON(const Results &R, llvm::raw_ostream &OS);

/// SARIF 2.1.0 as GitHub code scanning takes it: a rule per check with its
/// help, a result per finding with its notes as related locations, a code
/// flow along each chain, the fixes, and a fingerprint that survives edits
/// elsewhere in the file. Paths under Root are relative to it (%SRCROOT%).
void printSARIF(const Results &R, llvm::StringRef Root, llvm::raw_ostream &OS);

/// What a finding is, independent of line numbers: check, file, the
/// coroutine it is in and the name it calls. Baselines and SARIF
/// fingerprints use it; Root makes the file relative.
std::string findingKey(const Results &R, const Reported &F,
                       llvm::StringRef Root);

/// Findings accepted for now, by key, with how many of each.
using Baseline = std::map<std::string, unsigned>;

/// Writes R's findings as a baseline: JSON, one entry per key, sorted.
llvm::Error writeBaseline(const Results &R, llvm::StringRef Root,
                          llvm::StringRef Path);
llvm::Expected<Baseline> readBaseline(llvm::StringRef Path);

struct BaselineUse {
  unsigned Matched = 0; // findings the baseline accepted
  unsigned Stale = 0;   // entries (counted) that no finding matched
};
/// Drops from R the findings the baseline accepts (as many of each key as
/// it counts).
BaselineUse applyBaseline(Results &R, Baseline B, llvm::StringRef Root);

} // namespace corolint

#endif // COROLINT_OUTPUT_REPORT_H
