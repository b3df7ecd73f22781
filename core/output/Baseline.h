//===--- Baseline.h - Findings accepted for now ---------------------------===//

#ifndef COROLINT_OUTPUT_BASELINE_H
#define COROLINT_OUTPUT_BASELINE_H

#include "Results.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <map>

namespace corolint {

/// Findings accepted for now, by key, with how many of each.
using Baseline = llvm::StringMap<unsigned>;

/// Writes R's findings as a baseline: JSON, one entry per key, sorted.
llvm::Error writeBaseline(const Results &R, llvm::StringRef Root,
                          llvm::StringRef Path);
llvm::Expected<Baseline> readBaseline(llvm::StringRef Path);

struct BaselineUse {
  unsigned Matched = 0; // findings the baseline accepted
  unsigned Stale = 0;   // entries (counted) that no finding matched
};
/// Drops from R the findings the baseline accepts (as many of each key as
/// it counts); B keeps what is left.
BaselineUse applyBaseline(Results &R, Baseline &B, llvm::StringRef Root);

} // namespace corolint

#endif // COROLINT_OUTPUT_BASELINE_H
