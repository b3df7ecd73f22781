//===--- Report.h - The run's findings, as the user asked for them --------===//

#ifndef COROLINT_TOOL_REPORT_H
#define COROLINT_TOOL_REPORT_H

#include "Baseline.h"
#include "Gather.h"
#include "Results.h"
#include "RunOptions.h"
#include <optional>

namespace corolint {

/// Reports R as O asks: the findings of the files given, less those the
/// baseline accepts, in O's format, with their fixes exported or applied,
/// the files that failed and a closing count; or writes them as the
/// baseline. Returns the exit status.
int report(const RunOptions &O, Results &R, const Gathered &G,
           std::optional<Baseline> &Accepted);

} // namespace corolint

#endif // COROLINT_TOOL_REPORT_H
